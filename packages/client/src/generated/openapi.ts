// Generated from apps/indexer/openapi.json by `npm run openapi` (openapi-typescript): do not edit.
export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether the process and its database answer */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether the index has caught up with the chain's head */
        get: operations["getReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/collectives": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Collectives, searched by name, biggest or newest first */
        get: operations["listCollectives"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/collectives/{address}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One collective: settings, modules, principles and key numbers */
        get: operations["getCollective"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/collectives/{address}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A collective's members, most shares first */
        get: operations["listMembers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/collectives/{address}/members/{account}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One member, with the first page of their shares history, votes, work and delegations */
        get: operations["getMember"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/collectives/{address}/members/{account}/shares": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A member's mints and burns, oldest first */
        get: operations["listShareHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/collectives/{address}/members/{account}/votes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A member's votes, newest first */
        get: operations["listMemberVotes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/collectives/{address}/members/{account}/work": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Work items a member is the contributor of, newest first */
        get: operations["listMemberWork"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/collectives/{address}/members/{account}/for-votes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The proposals an account voted for since it last released its for votes: its exit proof */
        get: operations["getForVotes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/collectives/{address}/members/{account}/delegations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Changes of delegate by or to a member, newest first */
        get: operations["listMemberDelegations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/collectives/{address}/names": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What to call up to 100 accounts: each one's profile name and picture, and its primary ENS name */
        get: operations["listNames"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/collectives/{address}/proposals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A collective's proposals, newest first, by state, kind and proposer */
        get: operations["listProposals"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/collectives/{address}/proposals/{proposalId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One proposal: tally, quorum progress, state, votes, decoded actions and timeline */
        get: operations["getProposal"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/collectives/{address}/proposals/{proposalId}/votes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The votes on a proposal, newest first */
        get: operations["listVotes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/collectives/{address}/work": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A collective's work board, newest first, by state and principle */
        get: operations["listWork"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/collectives/{address}/work/{workId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One work item, with the first page of its objections */
        get: operations["getWork"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/collectives/{address}/work/{workId}/objections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The objections to a work item, newest first */
        get: operations["listObjections"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/collectives/{address}/applications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Applications to join a collective, newest first, by status */
        get: operations["listApplications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/collectives/{address}/treasury": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A collective's treasury: balances, the latest flows and ragequits */
        get: operations["getTreasury"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/collectives/{address}/treasury/balances": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every asset a treasury holds, ETH (the zero address) first; only spam or none with `spam` */
        get: operations["listBalances"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/collectives/{address}/treasury/flows": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Movements of a treasury's funds, newest first, by kind */
        get: operations["listFlows"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/collectives/{address}/treasury/ragequits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Members who left with their part of the treasury, newest first */
        get: operations["listRagequits"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/collectives/{address}/ownership": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who holds a collective, how concentrated it is (top holders' share, Gini, Nakamoto) and how that changed */
        get: operations["getOwnership"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/collectives/{address}/ownership/holders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A collective's holders, most shares first */
        get: operations["listHolders"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/collectives/{address}/ownership/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A collective's concentration after each block that moved shares, oldest first */
        get: operations["listOwnershipHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/network": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every collective and which collectives are members of which: the whole graph, not paged */
        get: operations["getNetwork"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/accounts/{address}/inbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What needs a member now, soonest deadline first */
        get: operations["getInbox"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/collectives/{address}/feed.atom": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A collective's activity as an Atom feed
         * @description An Atom 1.0 document (application/atom+xml): the collective's newest entries, as its webhooks tell them (proposals made, passed or defeated, carried out or withdrawn; work delivered and settled; members joining and leaving), newest first.
         */
        get: operations["getCollectiveFeed"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/accounts/{address}/inbox.atom": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A member's inbox as an Atom feed
         * @description An Atom 1.0 document (application/atom+xml): the items of GET /api/accounts/{address}/inbox, each an entry that links to where it is acted on. An account that is a member nowhere has a feed without entries.
         */
        get: operations["getInboxFeed"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/chain": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The chain the service follows and the factory that creates collectives on it */
        get: operations["getChain"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/collectives/{address}/threads/{kind}/{id}/comments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A thread's comments, oldest first */
        get: operations["listComments"];
        put?: never;
        /** Posts a comment signed by its author: a member, or the applicant in their application's thread */
        post: operations["postComment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/collectives/{address}/threads/{kind}/{id}/comments/{comment}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Deletes one's own comment, by a message its author signed; its place in the thread stays */
        delete: operations["deleteComment"];
        options?: never;
        head?: never;
        /** Edits one's own comment, by a message its author signed */
        patch: operations["editComment"];
        trace?: never;
    };
    "/api/accounts/{address}/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A webhook for the member's inbox, made by a request they signed; answers its secret once */
        post: operations["subscribeWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/accounts/{address}/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Ends a member's webhook, by a request they signed; its delivery log stays */
        delete: operations["unsubscribeWebhook"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A webhook's latest deliveries, newest first, by the webhook's id (which only its owner knows) */
        get: operations["getWebhookLog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/relay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether this service relays signed actions, from which account, and its quotas */
        get: operations["getRelayInfo"];
        put?: never;
        /** Relays one signed action (a vote, delegation, objection or profile): checked, then queued */
        post: operations["postRelay"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/relay/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A relayed action's status: queued, sent, mined, or failed with the reason in words */
        get: operations["getRelay"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Server-sent events: `indexed` after each indexed range, `reorg` after a rollback, `relay` as a relay moves
         * @description A text/event-stream. `event: indexed` carries {fromBlock, toBlock, collectives, eventNames}; `event: reorg` carries {ancestor, depth}; `event: relay` carries a relayed action's new status, as GET /api/relay/{id} answers it; a comment line every 15 seconds keeps the connection open. Each event has an `id:`: a client reconnecting with `Last-Event-ID` (as EventSource does) is first sent the events it missed, or `event: reset` when they are no longer kept (the last 1000, from the last hour), after which it should refetch everything.
         */
        get: operations["streamEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: never;
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The process and its database answer. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        ok: true;
                    };
                };
            };
            /** @description The database does not answer. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
        };
    };
    getReadiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Caught up. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        ready: boolean;
                        /** @description Blocks between the chain's head and the indexed cursor. */
                        lag: number;
                        head: number;
                        cursor: number;
                        chainId: number;
                        /** @description Logs that did not decode as the event their topic names, or events a projection could not apply, skipped since the service started (each logged with its block and log index). */
                        skippedEvents: number;
                        /** @description Why the index is not ready beyond catching up with the head: a rebuild after a reorg deeper than the index can undo, a head behind the index, the RPC rate-limiting, or a failing indexing step that is being retried. */
                        reason?: string;
                    };
                };
            };
            /** @description Still behind the head, rebuilding, or retrying a failed step (see `reason`). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        ready: boolean;
                        /** @description Blocks between the chain's head and the indexed cursor. */
                        lag: number;
                        head: number;
                        cursor: number;
                        chainId: number;
                        /** @description Logs that did not decode as the event their topic names, or events a projection could not apply, skipped since the service started (each logged with its block and log index). */
                        skippedEvents: number;
                        /** @description Why the index is not ready beyond catching up with the head: a rebuild after a reorg deeper than the index can undo, a head behind the index, the RPC rate-limiting, or a failing indexing step that is being retried. */
                        reason?: string;
                    };
                };
            };
        };
    };
    listCollectives: {
        parameters: {
            query?: {
                /** @description Part of the name, any case. */
                q?: string;
                /** @description size: most members first; newest: latest created first. */
                sort?: "size" | "newest";
                /** @description Items per page, at most 200. */
                limit?: number;
                /** @description Where to continue: the `next` of the previous page. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Collectives, searched by name, biggest or newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @description The governor's address: the collective's identity. */
                            address: string;
                            name: string;
                            symbol: string;
                            /** @description An address, in any case; answered checksummed. */
                            creator: string;
                            principles: {
                                index: number;
                                name: string;
                            }[];
                            memberCount: number;
                            /** @description A decimal integer string. */
                            totalShares: string;
                            proposalCount: number;
                            workCount: number;
                            createdBlock: number;
                            /** @description Seconds since the Unix epoch. */
                            createdAt: number;
                        }[];
                        /** @description The cursor of the next page; null on the last page. */
                        next: string | null;
                    };
                };
            };
            /** @description A parameter is malformed or out of range. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description Nothing has this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests from this client. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description The server failed. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
        };
    };
    getCollective: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The collective's governor address. */
                address: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One collective: settings, modules, principles and key numbers */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description An address, in any case; answered checksummed. */
                        address: string;
                        name: string;
                        symbol: string;
                        /** @description An address, in any case; answered checksummed. */
                        creator: string;
                        /** @description A decimal integer string. */
                        factoryId: string;
                        principles: {
                            index: number;
                            name: string;
                        }[];
                        settings: {
                            /** @description Seconds from a proposal to the start of its vote. */
                            votingDelay: number;
                            /** @description Seconds a vote lasts. */
                            votingPeriod: number;
                            /** @description Seconds a passed proposal has to be queued, then executed. */
                            executionWindow: number;
                            /** @description Seconds between queueing and execution. */
                            timelockDelay: number;
                            /** @description Votes needed to propose. */
                            proposalThreshold: string;
                            /** @description Percentage of the supply that must vote for or abstain. */
                            quorumPercent: number;
                            /** @description Seconds delivered work can be objected to. */
                            reviewWindow: number;
                            /** @description Percentage of shares whose objections dispute work. */
                            objectionThreshold: number;
                            /** @description Percentage of the supply at a proposal's snapshot (of the members, under one member, one vote) whose objections while it is queued cancel it. */
                            vetoPercent: number;
                            /**
                             * @description How votes count for proposals from now on: `shares`, `members` (one member, one vote; a delegate casts one for each member whose votes it holds) or `both` (two houses: a proposal must pass by shares and by members, each with its quorum).
                             * @enum {string}
                             */
                            countingRule: "shares" | "members" | "both";
                        };
                        modules: {
                            /** @description An address, in any case; answered checksummed. */
                            governor: string;
                            /** @description An address, in any case; answered checksummed. */
                            shares: string;
                            /** @description An address, in any case; answered checksummed. */
                            timelock: string;
                            /** @description An address, in any case; answered checksummed. */
                            treasury: string;
                            /** @description An address, in any case; answered checksummed. */
                            work: string;
                        };
                        stats: {
                            /** @description Accounts holding shares. */
                            members: number;
                            /** @description A decimal integer string. */
                            totalShares: string;
                            /** @description The treasury's ETH, in wei. */
                            treasuryEth: string;
                            proposals: number;
                            /** @description Proposals pending, active, succeeded or queued. */
                            openProposals: number;
                            work: number;
                            /** @description Work items commissioned, delivered or disputed. */
                            openWork: number;
                        };
                        createdBlock: number;
                        /** @description Seconds since the Unix epoch. */
                        createdAt: number;
                        txHash: string;
                    };
                };
            };
            /** @description A parameter is malformed or out of range. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description Nothing has this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests from this client. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description The server failed. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
        };
    };
    listMembers: {
        parameters: {
            query?: {
                /** @description true: holders of shares only; false: accounts without shares now (former members, delegates). */
                active?: boolean;
                /** @description Members whose name contains these words (any case), or whose address starts with them. */
                q?: string;
                /** @description Items per page, at most 200. */
                limit?: number;
                /** @description Where to continue: the `next` of the previous page. */
                cursor?: string;
            };
            header?: never;
            path: {
                /** @description The collective's governor address. */
                address: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A collective's members, most shares first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @description An address, in any case; answered checksummed. */
                            account: string;
                            /** @description A decimal integer string. */
                            shares: string;
                            /** @description The member's shares over the collective's total. */
                            shareOfSupply: number;
                            /** @description Votes delegated to this account, its own included. */
                            votingPower: string;
                            /** @description Whom this account's shares vote through. */
                            delegate: string | null;
                            /** @description The display name the member chose in their profile: at most 64 bytes, no control characters. Untrusted text: render it as text. */
                            name: string | null;
                            /** @description A picture's address, from the member's profile. Untrusted. */
                            avatarUri: string | null;
                            /** @description When it first received shares. */
                            joinedAt: number | null;
                            /** @description When its shares fell to zero, if they are zero now. */
                            leftAt: number | null;
                            profileUri: string | null;
                            /** @description When the member is another collective's timelock: that collective. */
                            memberCollective: string | null;
                        }[];
                        /** @description The cursor of the next page; null on the last page. */
                        next: string | null;
                    };
                };
            };
            /** @description A parameter is malformed or out of range. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description Nothing has this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests from this client. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description The server failed. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
        };
    };
    getMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The collective's governor address. */
                address: string;
                /** @description The member's address. */
                account: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One member, with the first page of their shares history, votes, work and delegations */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description An address, in any case; answered checksummed. */
                        account: string;
                        /** @description A decimal integer string. */
                        shares: string;
                        /** @description The member's shares over the collective's total. */
                        shareOfSupply: number;
                        /** @description Votes delegated to this account, its own included. */
                        votingPower: string;
                        /** @description Whom this account's shares vote through. */
                        delegate: string | null;
                        /** @description The display name the member chose in their profile: at most 64 bytes, no control characters. Untrusted text: render it as text. */
                        name: string | null;
                        /** @description A picture's address, from the member's profile. Untrusted. */
                        avatarUri: string | null;
                        /** @description When it first received shares. */
                        joinedAt: number | null;
                        /** @description When its shares fell to zero, if they are zero now. */
                        leftAt: number | null;
                        profileUri: string | null;
                        /** @description When the member is another collective's timelock: that collective. */
                        memberCollective: string | null;
                        /** @description Mints and burns, oldest first. */
                        shareHistory: {
                            items: {
                                blockNumber: number;
                                logIndex: number;
                                /** @description Positive for a mint, negative for a burn. */
                                delta: string;
                                /** @description The member's shares after it. */
                                balance: string;
                                /** @description The collective's total shares after it. */
                                supply: string;
                                /** @description Seconds since the Unix epoch. */
                                timestamp: number;
                                txHash: string;
                            }[];
                            /** @description The cursor of the next page; null on the last page. */
                            next: string | null;
                        };
                        /** @description Votes cast, newest first. */
                        votes: {
                            items: {
                                /** @description A decimal integer string. */
                                proposalId: string;
                                description: string;
                                /** @enum {string} */
                                support: "against" | "for" | "abstain";
                                /** @description A decimal integer string. */
                                weight: string;
                                reason: string;
                                blockNumber: number;
                                /** @description Seconds since the Unix epoch. */
                                timestamp: number;
                                txHash: string;
                            }[];
                            /** @description The cursor of the next page; null on the last page. */
                            next: string | null;
                        };
                        /** @description Work items where this member is the contributor, newest first. */
                        work: {
                            items: {
                                workId: number;
                                title: string;
                                specUri: string;
                                /** @description The index of the collective's principle it serves. */
                                principle: number;
                                principleName: string | null;
                                /** @description The zero address until someone takes an open bounty. */
                                contributor: string;
                                /** @description Shares minted to the contributor when accepted. */
                                reward: string;
                                /** @description The zero address for ETH. */
                                paymentToken: string;
                                /** @description A decimal integer string. */
                                paymentAmount: string;
                                /** @enum {string} */
                                state: "commissioned" | "delivered" | "accepted" | "disputed" | "rejected" | "cancelled";
                                deliveryUri: string | null;
                                /** @description Seconds since the Unix epoch. */
                                reviewEnds: number | null;
                                /** @description Objections weighing this much dispute the work. */
                                objectionQuorum: string | null;
                                /** @description The weight of the objections so far. */
                                objectionWeight: string;
                                /** @description Seconds since the Unix epoch. */
                                commissionedAt: number;
                                /** @description Seconds since the Unix epoch. */
                                deliveredAt: number | null;
                                /** @description Seconds since the Unix epoch. */
                                settledAt: number | null;
                                txHash: string;
                            }[];
                            /** @description The cursor of the next page; null on the last page. */
                            next: string | null;
                        };
                        /** @description Changes of delegate by this member or to this member, newest first. */
                        delegations: {
                            items: {
                                /** @description An address, in any case; answered checksummed. */
                                delegator: string;
                                /** @description An address, in any case; answered checksummed. */
                                fromDelegate: string;
                                /** @description An address, in any case; answered checksummed. */
                                toDelegate: string;
                                blockNumber: number;
                                /** @description Seconds since the Unix epoch. */
                                timestamp: number;
                            }[];
                            /** @description The cursor of the next page; null on the last page. */
                            next: string | null;
                        };
                    };
                };
            };
            /** @description A parameter is malformed or out of range. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description Nothing has this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests from this client. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description The server failed. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
        };
    };
    listShareHistory: {
        parameters: {
            query?: {
                /** @description Items per page, at most 200. */
                limit?: number;
                /** @description Where to continue: the `next` of the previous page. */
                cursor?: string;
            };
            header?: never;
            path: {
                /** @description The collective's governor address. */
                address: string;
                /** @description The member's address. */
                account: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A member's mints and burns, oldest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            blockNumber: number;
                            logIndex: number;
                            /** @description Positive for a mint, negative for a burn. */
                            delta: string;
                            /** @description The member's shares after it. */
                            balance: string;
                            /** @description The collective's total shares after it. */
                            supply: string;
                            /** @description Seconds since the Unix epoch. */
                            timestamp: number;
                            txHash: string;
                        }[];
                        /** @description The cursor of the next page; null on the last page. */
                        next: string | null;
                    };
                };
            };
            /** @description A parameter is malformed or out of range. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description Nothing has this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests from this client. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description The server failed. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
        };
    };
    listMemberVotes: {
        parameters: {
            query?: {
                /** @description Items per page, at most 200. */
                limit?: number;
                /** @description Where to continue: the `next` of the previous page. */
                cursor?: string;
            };
            header?: never;
            path: {
                /** @description The collective's governor address. */
                address: string;
                /** @description The member's address. */
                account: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A member's votes, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @description A decimal integer string. */
                            proposalId: string;
                            description: string;
                            /** @enum {string} */
                            support: "against" | "for" | "abstain";
                            /** @description A decimal integer string. */
                            weight: string;
                            reason: string;
                            blockNumber: number;
                            /** @description Seconds since the Unix epoch. */
                            timestamp: number;
                            txHash: string;
                        }[];
                        /** @description The cursor of the next page; null on the last page. */
                        next: string | null;
                    };
                };
            };
            /** @description A parameter is malformed or out of range. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description Nothing has this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests from this client. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description The server failed. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
        };
    };
    listMemberWork: {
        parameters: {
            query?: {
                /** @description Items per page, at most 200. */
                limit?: number;
                /** @description Where to continue: the `next` of the previous page. */
                cursor?: string;
            };
            header?: never;
            path: {
                /** @description The collective's governor address. */
                address: string;
                /** @description The member's address. */
                account: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Work items a member is the contributor of, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            workId: number;
                            title: string;
                            specUri: string;
                            /** @description The index of the collective's principle it serves. */
                            principle: number;
                            principleName: string | null;
                            /** @description The zero address until someone takes an open bounty. */
                            contributor: string;
                            /** @description Shares minted to the contributor when accepted. */
                            reward: string;
                            /** @description The zero address for ETH. */
                            paymentToken: string;
                            /** @description A decimal integer string. */
                            paymentAmount: string;
                            /** @enum {string} */
                            state: "commissioned" | "delivered" | "accepted" | "disputed" | "rejected" | "cancelled";
                            deliveryUri: string | null;
                            /** @description Seconds since the Unix epoch. */
                            reviewEnds: number | null;
                            /** @description Objections weighing this much dispute the work. */
                            objectionQuorum: string | null;
                            /** @description The weight of the objections so far. */
                            objectionWeight: string;
                            /** @description Seconds since the Unix epoch. */
                            commissionedAt: number;
                            /** @description Seconds since the Unix epoch. */
                            deliveredAt: number | null;
                            /** @description Seconds since the Unix epoch. */
                            settledAt: number | null;
                            txHash: string;
                        }[];
                        /** @description The cursor of the next page; null on the last page. */
                        next: string | null;
                    };
                };
            };
            /** @description A parameter is malformed or out of range. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description Nothing has this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests from this client. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description The server failed. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
        };
    };
    getForVotes: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The collective's governor address. */
                address: string;
                /** @description The member's address. */
                account: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The proposals an account voted for since it last released its for votes: its exit proof */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The proposals its last release kept, then those it voted for since, in voting order: the `forVotes` argument of `ragequit` and of `releaseForVotes`. */
                        proposalIds: string[];
                        /** @description The block of its last release; null if never released. */
                        releasedBlock: number | null;
                    };
                };
            };
            /** @description A parameter is malformed or out of range. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description Nothing has this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests from this client. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description The server failed. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
        };
    };
    listMemberDelegations: {
        parameters: {
            query?: {
                /** @description Items per page, at most 200. */
                limit?: number;
                /** @description Where to continue: the `next` of the previous page. */
                cursor?: string;
            };
            header?: never;
            path: {
                /** @description The collective's governor address. */
                address: string;
                /** @description The member's address. */
                account: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Changes of delegate by or to a member, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @description An address, in any case; answered checksummed. */
                            delegator: string;
                            /** @description An address, in any case; answered checksummed. */
                            fromDelegate: string;
                            /** @description An address, in any case; answered checksummed. */
                            toDelegate: string;
                            blockNumber: number;
                            /** @description Seconds since the Unix epoch. */
                            timestamp: number;
                        }[];
                        /** @description The cursor of the next page; null on the last page. */
                        next: string | null;
                    };
                };
            };
            /** @description A parameter is malformed or out of range. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description Nothing has this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests from this client. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description The server failed. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
        };
    };
    listNames: {
        parameters: {
            query: {
                /** @description The accounts to name, comma-separated: 1 to 100 addresses in any case. */
                accounts: string;
            };
            header?: never;
            path: {
                /** @description The collective's governor address. */
                address: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description What to call up to 100 accounts: each one's profile name and picture, and its primary ENS name */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description One for each account asked, in the order asked, each once. */
                        items: {
                            /** @description An address, in any case; answered checksummed. */
                            account: string;
                            /** @description The display name the account chose in its profile in this collective; null if none. Untrusted text: render it as text. */
                            name: string | null;
                            /** @description A picture's address, from the same profile; null if none. Untrusted. */
                            avatarUri: string | null;
                            /** @description The account's primary ENS name on Ethereum mainnet, checked to resolve back to it and normalized; null when it has none, when the lookup failed or timed out, or when the service has no ENS_RPC_URL. */
                            ensName: string | null;
                        }[];
                    };
                };
            };
            /** @description A parameter is malformed or out of range. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description Nothing has this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests from this client. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description The server failed. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
        };
    };
    listProposals: {
        parameters: {
            query?: {
                state?: "pending" | "active" | "canceled" | "defeated" | "succeeded" | "queued" | "expired" | "executed" | "failed";
                kind?: "admission" | "grant" | "work" | "payment" | "parameter" | "other";
                /** @description An address, in any case; answered checksummed. */
                proposer?: string;
                /** @description Items per page, at most 200. */
                limit?: number;
                /** @description Where to continue: the `next` of the previous page. */
                cursor?: string;
            };
            header?: never;
            path: {
                /** @description The collective's governor address. */
                address: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A collective's proposals, newest first, by state, kind and proposer */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @description A decimal integer string. */
                            proposalId: string;
                            /** @description An address, in any case; answered checksummed. */
                            proposer: string;
                            description: string;
                            /** @enum {string} */
                            kind: "admission" | "grant" | "work" | "payment" | "parameter" | "other";
                            /** @enum {string} */
                            state: "pending" | "active" | "canceled" | "defeated" | "succeeded" | "queued" | "expired" | "executed" | "failed";
                            /** @description A decimal integer string. */
                            forVotes: string;
                            /** @description A decimal integer string. */
                            againstVotes: string;
                            /** @description A decimal integer string. */
                            abstainVotes: string;
                            voteCount: number;
                            /** @description Votes for or abstaining needed; null until the snapshot passes. */
                            quorum: string | null;
                            /**
                             * @description How its votes count, the collective's rule at its snapshot: `shares`; `members`, one vote per member (the tallies, quorum and objections count members); or `both`, two houses (the tallies are the shares', `memberHouse` the members').
                             * @enum {string}
                             */
                            countingRule: "shares" | "members" | "both";
                            /** @description Under two houses, the members' house, which must pass too; null under any other rule. */
                            memberHouse: {
                                /** @description A decimal integer string. */
                                forVotes: string;
                                /** @description A decimal integer string. */
                                againstVotes: string;
                                /** @description A decimal integer string. */
                                abstainVotes: string;
                                /** @description Members who must vote for or abstain; null until the first vote. */
                                quorum: string | null;
                            } | null;
                            /** @description Voting power is counted at this time; voting opens after it. */
                            snapshot: number;
                            /** @description Voting closes at the end of this second. */
                            deadline: number;
                            /** @description When a queued proposal can be executed. */
                            eta: number | null;
                            /** @description Seconds since the Unix epoch. */
                            createdAt: number;
                            createdBlock: number;
                            /** @description Seconds since the Unix epoch. */
                            queuedAt: number | null;
                            /** @description When it was executed, or its execution failed. */
                            executedAt: number | null;
                            /** @description Seconds since the Unix epoch. */
                            canceledAt: number | null;
                            /** @description Seconds it has to be queued after its vote, then executed after its eta: the collective's window when its vote ended, which later changes do not alter. */
                            executionWindow: number;
                            /** @description For a failed proposal, the revert data of its calls (hex); the state is `failed`. */
                            failureReason: string | null;
                            /** @description Members' objections while it waited in the timelock, in votes. */
                            vetoVotes: string;
                            /** @description Whether the objections reached the veto quorum and cancelled it (its state is then `canceled`). */
                            vetoed: boolean;
                            txHash: string;
                            /** @description Comments in its discussion thread. */
                            commentCount: number;
                        }[];
                        /** @description The cursor of the next page; null on the last page. */
                        next: string | null;
                    };
                };
            };
            /** @description A parameter is malformed or out of range. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description Nothing has this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests from this client. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description The server failed. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
        };
    };
    getProposal: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The collective's governor address. */
                address: string;
                /** @description The proposal id, in decimal. */
                proposalId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One proposal: tally, quorum progress, state, votes, decoded actions and timeline */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A decimal integer string. */
                        proposalId: string;
                        /** @description An address, in any case; answered checksummed. */
                        proposer: string;
                        description: string;
                        /** @enum {string} */
                        kind: "admission" | "grant" | "work" | "payment" | "parameter" | "other";
                        /** @enum {string} */
                        state: "pending" | "active" | "canceled" | "defeated" | "succeeded" | "queued" | "expired" | "executed" | "failed";
                        /** @description A decimal integer string. */
                        forVotes: string;
                        /** @description A decimal integer string. */
                        againstVotes: string;
                        /** @description A decimal integer string. */
                        abstainVotes: string;
                        voteCount: number;
                        /** @description Votes for or abstaining needed; null until the snapshot passes. */
                        quorum: string | null;
                        /**
                         * @description How its votes count, the collective's rule at its snapshot: `shares`; `members`, one vote per member (the tallies, quorum and objections count members); or `both`, two houses (the tallies are the shares', `memberHouse` the members').
                         * @enum {string}
                         */
                        countingRule: "shares" | "members" | "both";
                        /** @description Under two houses, the members' house, which must pass too; null under any other rule. */
                        memberHouse: {
                            /** @description A decimal integer string. */
                            forVotes: string;
                            /** @description A decimal integer string. */
                            againstVotes: string;
                            /** @description A decimal integer string. */
                            abstainVotes: string;
                            /** @description Members who must vote for or abstain; null until the first vote. */
                            quorum: string | null;
                        } | null;
                        /** @description Voting power is counted at this time; voting opens after it. */
                        snapshot: number;
                        /** @description Voting closes at the end of this second. */
                        deadline: number;
                        /** @description When a queued proposal can be executed. */
                        eta: number | null;
                        /** @description Seconds since the Unix epoch. */
                        createdAt: number;
                        createdBlock: number;
                        /** @description Seconds since the Unix epoch. */
                        queuedAt: number | null;
                        /** @description When it was executed, or its execution failed. */
                        executedAt: number | null;
                        /** @description Seconds since the Unix epoch. */
                        canceledAt: number | null;
                        /** @description Seconds it has to be queued after its vote, then executed after its eta: the collective's window when its vote ended, which later changes do not alter. */
                        executionWindow: number;
                        /** @description For a failed proposal, the revert data of its calls (hex); the state is `failed`. */
                        failureReason: string | null;
                        /** @description Members' objections while it waited in the timelock, in votes. */
                        vetoVotes: string;
                        /** @description Whether the objections reached the veto quorum and cancelled it (its state is then `canceled`). */
                        vetoed: boolean;
                        txHash: string;
                        /** @description (for + abstain) / quorum: 1 or more once the quorum is reached. */
                        quorumProgress: number | null;
                        quorumReached: boolean | null;
                        actions: {
                            /** @description An address, in any case; answered checksummed. */
                            target: string;
                            /** @description Wei sent with the call. */
                            value: string;
                            calldata: string;
                            /** @description The function called, when the target is a module. */
                            function: string | null;
                            /** @description The decoded arguments by name. */
                            args: {
                                [key: string]: string;
                            } | null;
                            /** @description The action in plain words. */
                            summary: string;
                        }[];
                        /** @description The votes, newest first. */
                        votes: {
                            items: {
                                /** @description An address, in any case; answered checksummed. */
                                voter: string;
                                /** @enum {string} */
                                support: "against" | "for" | "abstain";
                                /** @description In the proposal's counting rule: shares, or members under one member, one vote. */
                                weight: string;
                                /** @description Under two houses, its weight in the members' house; else null. */
                                memberWeight: string | null;
                                reason: string;
                                blockNumber: number;
                                /** @description Seconds since the Unix epoch. */
                                timestamp: number;
                                txHash: string;
                            }[];
                            /** @description The cursor of the next page; null on the last page. */
                            next: string | null;
                        };
                        timeline: {
                            /** @enum {string} */
                            event: "created" | "votingStarts" | "votingEnds" | "queued" | "eta" | "executed" | "failed" | "canceled" | "vetoed" | "expired";
                            /** @description Seconds since the Unix epoch. */
                            timestamp: number;
                            /** @description Whether it is at or before `now`. */
                            past: boolean;
                        }[];
                        /** @description The time the state is computed at: the indexed head's timestamp. */
                        now: number;
                        /** @description Objections that cancel it while queued: the collective's veto threshold of the supply at its snapshot, rounded up; null for a proposal that was never queued. */
                        vetoQuorum: string | null;
                        /** @description Members' objections during the grace period, newest first. */
                        vetoes: {
                            /** @description An address, in any case; answered checksummed. */
                            voter: string;
                            /** @description A decimal integer string. */
                            weight: string;
                            reason: string;
                            blockNumber: number;
                            /** @description Seconds since the Unix epoch. */
                            timestamp: number;
                            txHash: string;
                        }[];
                    };
                };
            };
            /** @description A parameter is malformed or out of range. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description Nothing has this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests from this client. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description The server failed. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
        };
    };
    listVotes: {
        parameters: {
            query?: {
                /** @description Items per page, at most 200. */
                limit?: number;
                /** @description Where to continue: the `next` of the previous page. */
                cursor?: string;
            };
            header?: never;
            path: {
                /** @description The collective's governor address. */
                address: string;
                /** @description The proposal id, in decimal. */
                proposalId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The votes on a proposal, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @description An address, in any case; answered checksummed. */
                            voter: string;
                            /** @enum {string} */
                            support: "against" | "for" | "abstain";
                            /** @description In the proposal's counting rule: shares, or members under one member, one vote. */
                            weight: string;
                            /** @description Under two houses, its weight in the members' house; else null. */
                            memberWeight: string | null;
                            reason: string;
                            blockNumber: number;
                            /** @description Seconds since the Unix epoch. */
                            timestamp: number;
                            txHash: string;
                        }[];
                        /** @description The cursor of the next page; null on the last page. */
                        next: string | null;
                    };
                };
            };
            /** @description A parameter is malformed or out of range. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description Nothing has this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests from this client. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description The server failed. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
        };
    };
    listWork: {
        parameters: {
            query?: {
                state?: "commissioned" | "delivered" | "accepted" | "disputed" | "rejected" | "cancelled";
                /** @description A principle's index. */
                principle?: number;
                /** @description An address, in any case; answered checksummed. */
                contributor?: string;
                /** @description Items per page, at most 200. */
                limit?: number;
                /** @description Where to continue: the `next` of the previous page. */
                cursor?: string;
            };
            header?: never;
            path: {
                /** @description The collective's governor address. */
                address: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A collective's work board, newest first, by state and principle */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            workId: number;
                            title: string;
                            specUri: string;
                            /** @description The index of the collective's principle it serves. */
                            principle: number;
                            principleName: string | null;
                            /** @description The zero address until someone takes an open bounty. */
                            contributor: string;
                            /** @description Shares minted to the contributor when accepted. */
                            reward: string;
                            /** @description The zero address for ETH. */
                            paymentToken: string;
                            /** @description A decimal integer string. */
                            paymentAmount: string;
                            /** @enum {string} */
                            state: "commissioned" | "delivered" | "accepted" | "disputed" | "rejected" | "cancelled";
                            deliveryUri: string | null;
                            /** @description Seconds since the Unix epoch. */
                            reviewEnds: number | null;
                            /** @description Objections weighing this much dispute the work. */
                            objectionQuorum: string | null;
                            /** @description The weight of the objections so far. */
                            objectionWeight: string;
                            /** @description Seconds since the Unix epoch. */
                            commissionedAt: number;
                            /** @description Seconds since the Unix epoch. */
                            deliveredAt: number | null;
                            /** @description Seconds since the Unix epoch. */
                            settledAt: number | null;
                            txHash: string;
                            /** @description Comments in its discussion thread. */
                            commentCount: number;
                        }[];
                        /** @description The cursor of the next page; null on the last page. */
                        next: string | null;
                    };
                };
            };
            /** @description A parameter is malformed or out of range. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description Nothing has this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests from this client. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description The server failed. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
        };
    };
    getWork: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The collective's governor address. */
                address: string;
                /** @description The work item's id. */
                workId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One work item, with the first page of its objections */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        workId: number;
                        title: string;
                        specUri: string;
                        /** @description The index of the collective's principle it serves. */
                        principle: number;
                        principleName: string | null;
                        /** @description The zero address until someone takes an open bounty. */
                        contributor: string;
                        /** @description Shares minted to the contributor when accepted. */
                        reward: string;
                        /** @description The zero address for ETH. */
                        paymentToken: string;
                        /** @description A decimal integer string. */
                        paymentAmount: string;
                        /** @enum {string} */
                        state: "commissioned" | "delivered" | "accepted" | "disputed" | "rejected" | "cancelled";
                        deliveryUri: string | null;
                        /** @description Seconds since the Unix epoch. */
                        reviewEnds: number | null;
                        /** @description Objections weighing this much dispute the work. */
                        objectionQuorum: string | null;
                        /** @description The weight of the objections so far. */
                        objectionWeight: string;
                        /** @description Seconds since the Unix epoch. */
                        commissionedAt: number;
                        /** @description Seconds since the Unix epoch. */
                        deliveredAt: number | null;
                        /** @description Seconds since the Unix epoch. */
                        settledAt: number | null;
                        txHash: string;
                        /** @description The objections, newest first. */
                        objections: {
                            items: {
                                /** @description An address, in any case; answered checksummed. */
                                objector: string;
                                /** @description A decimal integer string. */
                                weight: string;
                                reason: string;
                                /** @description Seconds since the Unix epoch. */
                                timestamp: number;
                            }[];
                            /** @description The cursor of the next page; null on the last page. */
                            next: string | null;
                        };
                    };
                };
            };
            /** @description A parameter is malformed or out of range. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description Nothing has this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests from this client. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description The server failed. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
        };
    };
    listObjections: {
        parameters: {
            query?: {
                /** @description Items per page, at most 200. */
                limit?: number;
                /** @description Where to continue: the `next` of the previous page. */
                cursor?: string;
            };
            header?: never;
            path: {
                /** @description The collective's governor address. */
                address: string;
                /** @description The work item's id. */
                workId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The objections to a work item, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @description An address, in any case; answered checksummed. */
                            objector: string;
                            /** @description A decimal integer string. */
                            weight: string;
                            reason: string;
                            /** @description Seconds since the Unix epoch. */
                            timestamp: number;
                        }[];
                        /** @description The cursor of the next page; null on the last page. */
                        next: string | null;
                    };
                };
            };
            /** @description A parameter is malformed or out of range. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description Nothing has this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests from this client. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description The server failed. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
        };
    };
    listApplications: {
        parameters: {
            query?: {
                status?: "open" | "admitted" | "withdrawn";
                /** @description An address, in any case; answered checksummed. */
                applicant?: string;
                /** @description Items per page, at most 200. */
                limit?: number;
                /** @description Where to continue: the `next` of the previous page. */
                cursor?: string;
            };
            header?: never;
            path: {
                /** @description The collective's governor address. */
                address: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Applications to join a collective, newest first, by status */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            applicationId: number;
                            /** @description An address, in any case; answered checksummed. */
                            applicant: string;
                            /** @description A decimal integer string. */
                            requestedShares: string;
                            pitch: string;
                            /** @enum {string} */
                            status: "open" | "admitted" | "withdrawn";
                            /** @description The shares minted on admission. */
                            admittedShares: string | null;
                            /** @description Seconds since the Unix epoch. */
                            submittedAt: number;
                            /** @description Seconds since the Unix epoch. */
                            closedAt: number | null;
                            /** @description Comments in its discussion thread. */
                            commentCount: number;
                        }[];
                        /** @description The cursor of the next page; null on the last page. */
                        next: string | null;
                    };
                };
            };
            /** @description A parameter is malformed or out of range. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description Nothing has this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests from this client. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description The server failed. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
        };
    };
    getTreasury: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The collective's governor address. */
                address: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A collective's treasury: balances, the latest flows and ragequits */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The treasury module. */
                        address: string;
                        /** @description The ETH balance, in wei. */
                        eth: string;
                        /** @description The assets held that are not marked as spam, ETH (the zero address) first; `/balances?spam=true` lists the others. */
                        balances: {
                            items: {
                                /** @description The asset; the zero address is ETH. */
                                token: string;
                                /** @description A decimal integer string. */
                                balance: string;
                                updatedBlock: number;
                                /** @description The treasury itself stated this balance (it has paid or paid out an exit in the asset, or received ETH). Otherwise the balance is the sum of the token's Transfer events into the treasury, which any contract can emit. */
                                reported: boolean;
                                /** @description The token's Transfer events into the treasury claim more than any token can hold: it is spam, and an exit leaves it out by default. */
                                spam: boolean;
                            }[];
                            /** @description The cursor of the next page; null on the last page. */
                            next: string | null;
                        };
                        /** @description Movements of funds, newest first. */
                        flows: {
                            items: {
                                /** @enum {string} */
                                kind: "deposit" | "payment" | "ragequit";
                                /** @description An address, in any case; answered checksummed. */
                                token: string;
                                /** @description Who sent or received it. */
                                counterparty: string;
                                /** @description Positive into the treasury, negative out of it. */
                                amount: string;
                                blockNumber: number;
                                logIndex: number;
                                /** @description Seconds since the Unix epoch. */
                                timestamp: number;
                                txHash: string;
                            }[];
                            /** @description The cursor of the next page; null on the last page. */
                            next: string | null;
                        };
                        /** @description Exits, newest first. */
                        ragequits: {
                            items: {
                                /** @description An address, in any case; answered checksummed. */
                                member: string;
                                /** @description Shares burnt. */
                                shares: string;
                                /** @description The supply before the exit. */
                                supply: string;
                                /** @description Wei paid out. */
                                ethAmount: string;
                                tokens: {
                                    /** @description An address, in any case; answered checksummed. */
                                    token: string;
                                    /** @description A decimal integer string. */
                                    amount: string;
                                }[];
                                /** @description Who was paid, when not the member (a member that cannot take ETH names another address). */
                                paidTo: string | null;
                                /** @description The other collectives the exit passed through: the shares this collective's timelock left each with (the member's fraction, paid to them by that collective), of those it held. */
                                networkExits: {
                                    /** @description An address, in any case; answered checksummed. */
                                    treasury: string;
                                    /** @description A decimal integer string. */
                                    shares: string;
                                    /** @description A decimal integer string. */
                                    held: string;
                                }[];
                                blockNumber: number;
                                /** @description Seconds since the Unix epoch. */
                                timestamp: number;
                                txHash: string;
                            }[];
                            /** @description The cursor of the next page; null on the last page. */
                            next: string | null;
                        };
                    };
                };
            };
            /** @description A parameter is malformed or out of range. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description Nothing has this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests from this client. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description The server failed. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
        };
    };
    listBalances: {
        parameters: {
            query?: {
                /** @description Only assets marked as spam (true), or only the others (false). */
                spam?: boolean;
                /** @description Items per page, at most 200. */
                limit?: number;
                /** @description Where to continue: the `next` of the previous page. */
                cursor?: string;
            };
            header?: never;
            path: {
                /** @description The collective's governor address. */
                address: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every asset a treasury holds, ETH (the zero address) first; only spam or none with `spam` */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @description The asset; the zero address is ETH. */
                            token: string;
                            /** @description A decimal integer string. */
                            balance: string;
                            updatedBlock: number;
                            /** @description The treasury itself stated this balance (it has paid or paid out an exit in the asset, or received ETH). Otherwise the balance is the sum of the token's Transfer events into the treasury, which any contract can emit. */
                            reported: boolean;
                            /** @description The token's Transfer events into the treasury claim more than any token can hold: it is spam, and an exit leaves it out by default. */
                            spam: boolean;
                        }[];
                        /** @description The cursor of the next page; null on the last page. */
                        next: string | null;
                    };
                };
            };
            /** @description A parameter is malformed or out of range. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description Nothing has this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests from this client. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description The server failed. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
        };
    };
    listFlows: {
        parameters: {
            query?: {
                kind?: "deposit" | "payment" | "ragequit";
                /** @description Items per page, at most 200. */
                limit?: number;
                /** @description Where to continue: the `next` of the previous page. */
                cursor?: string;
            };
            header?: never;
            path: {
                /** @description The collective's governor address. */
                address: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Movements of a treasury's funds, newest first, by kind */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @enum {string} */
                            kind: "deposit" | "payment" | "ragequit";
                            /** @description An address, in any case; answered checksummed. */
                            token: string;
                            /** @description Who sent or received it. */
                            counterparty: string;
                            /** @description Positive into the treasury, negative out of it. */
                            amount: string;
                            blockNumber: number;
                            logIndex: number;
                            /** @description Seconds since the Unix epoch. */
                            timestamp: number;
                            txHash: string;
                        }[];
                        /** @description The cursor of the next page; null on the last page. */
                        next: string | null;
                    };
                };
            };
            /** @description A parameter is malformed or out of range. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description Nothing has this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests from this client. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description The server failed. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
        };
    };
    listRagequits: {
        parameters: {
            query?: {
                /** @description Items per page, at most 200. */
                limit?: number;
                /** @description Where to continue: the `next` of the previous page. */
                cursor?: string;
            };
            header?: never;
            path: {
                /** @description The collective's governor address. */
                address: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Members who left with their part of the treasury, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @description An address, in any case; answered checksummed. */
                            member: string;
                            /** @description Shares burnt. */
                            shares: string;
                            /** @description The supply before the exit. */
                            supply: string;
                            /** @description Wei paid out. */
                            ethAmount: string;
                            tokens: {
                                /** @description An address, in any case; answered checksummed. */
                                token: string;
                                /** @description A decimal integer string. */
                                amount: string;
                            }[];
                            /** @description Who was paid, when not the member (a member that cannot take ETH names another address). */
                            paidTo: string | null;
                            /** @description The other collectives the exit passed through: the shares this collective's timelock left each with (the member's fraction, paid to them by that collective), of those it held. */
                            networkExits: {
                                /** @description An address, in any case; answered checksummed. */
                                treasury: string;
                                /** @description A decimal integer string. */
                                shares: string;
                                /** @description A decimal integer string. */
                                held: string;
                            }[];
                            blockNumber: number;
                            /** @description Seconds since the Unix epoch. */
                            timestamp: number;
                            txHash: string;
                        }[];
                        /** @description The cursor of the next page; null on the last page. */
                        next: string | null;
                    };
                };
            };
            /** @description A parameter is malformed or out of range. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description Nothing has this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests from this client. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description The server failed. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
        };
    };
    getOwnership: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The collective's governor address. */
                address: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Who holds a collective, how concentrated it is (top holders' share, Gini, Nakamoto) and how that changed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        now: {
                            /** @description A decimal integer string. */
                            totalShares: string;
                            holders: number;
                            /** @description Share of the supply held by the largest 10% of holders (at least one). */
                            topHoldersShare: number;
                            /** @description 0 when everyone holds the same, towards 1 when one holds everything. */
                            gini: number;
                            /** @description The fewest holders that together hold more than half of the supply. */
                            nakamoto: number;
                            /** @description The last block that moved shares. */
                            blockNumber: number | null;
                            /** @description Seconds since the Unix epoch. */
                            timestamp: number | null;
                        };
                        /** @description Holders, most shares first. */
                        holders: {
                            items: {
                                /** @description An address, in any case; answered checksummed. */
                                account: string;
                                /** @description A decimal integer string. */
                                shares: string;
                                /** @description Its shares over the total. */
                                share: number;
                                memberCollective: string | null;
                            }[];
                            /** @description The cursor of the next page; null on the last page. */
                            next: string | null;
                        };
                        /** @description Concentration after each block that moved shares, oldest first. */
                        history: {
                            items: {
                                /** @description A decimal integer string. */
                                totalShares: string;
                                holders: number;
                                /** @description Share of the supply held by the largest 10% of holders (at least one). */
                                topHoldersShare: number;
                                /** @description 0 when everyone holds the same, towards 1 when one holds everything. */
                                gini: number;
                                /** @description The fewest holders that together hold more than half of the supply. */
                                nakamoto: number;
                                blockNumber: number;
                                /** @description Seconds since the Unix epoch. */
                                timestamp: number;
                            }[];
                            /** @description The cursor of the next page; null on the last page. */
                            next: string | null;
                        };
                    };
                };
            };
            /** @description A parameter is malformed or out of range. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description Nothing has this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests from this client. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description The server failed. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
        };
    };
    listHolders: {
        parameters: {
            query?: {
                /** @description Items per page, at most 200. */
                limit?: number;
                /** @description Where to continue: the `next` of the previous page. */
                cursor?: string;
            };
            header?: never;
            path: {
                /** @description The collective's governor address. */
                address: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A collective's holders, most shares first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @description An address, in any case; answered checksummed. */
                            account: string;
                            /** @description A decimal integer string. */
                            shares: string;
                            /** @description Its shares over the total. */
                            share: number;
                            memberCollective: string | null;
                        }[];
                        /** @description The cursor of the next page; null on the last page. */
                        next: string | null;
                    };
                };
            };
            /** @description A parameter is malformed or out of range. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description Nothing has this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests from this client. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description The server failed. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
        };
    };
    listOwnershipHistory: {
        parameters: {
            query?: {
                /** @description Items per page, at most 200. */
                limit?: number;
                /** @description Where to continue: the `next` of the previous page. */
                cursor?: string;
            };
            header?: never;
            path: {
                /** @description The collective's governor address. */
                address: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A collective's concentration after each block that moved shares, oldest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @description A decimal integer string. */
                            totalShares: string;
                            holders: number;
                            /** @description Share of the supply held by the largest 10% of holders (at least one). */
                            topHoldersShare: number;
                            /** @description 0 when everyone holds the same, towards 1 when one holds everything. */
                            gini: number;
                            /** @description The fewest holders that together hold more than half of the supply. */
                            nakamoto: number;
                            blockNumber: number;
                            /** @description Seconds since the Unix epoch. */
                            timestamp: number;
                        }[];
                        /** @description The cursor of the next page; null on the last page. */
                        next: string | null;
                    };
                };
            };
            /** @description A parameter is malformed or out of range. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description Nothing has this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests from this client. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description The server failed. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
        };
    };
    getNetwork: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every collective and which collectives are members of which: the whole graph, not paged */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        nodes: {
                            /** @description An address, in any case; answered checksummed. */
                            address: string;
                            name: string;
                            symbol: string;
                            /** @description The account that holds shares when this collective joins another. */
                            timelock: string;
                            memberCount: number;
                            /** @description A decimal integer string. */
                            totalShares: string;
                        }[];
                        edges: {
                            /** @description The member collective. */
                            from: string;
                            /** @description The collective it is a member of. */
                            to: string;
                            /** @description Shares of `to` that `from`'s timelock holds. */
                            shares: string;
                            /** @description Those shares over `to`'s total. */
                            share: number;
                        }[];
                    };
                };
            };
            /** @description A parameter is malformed or out of range. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description Nothing has this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests from this client. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description The server failed. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
        };
    };
    getInbox: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The member's account. */
                address: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description What needs a member now, soonest deadline first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description An address, in any case; answered checksummed. */
                        account: string;
                        /** @description The indexed head's time, at which deadlines are read. */
                        now: number;
                        /** @description Soonest deadline first; items without one after, newest first. */
                        items: {
                            /** @description Stable: the same item keeps its id while it stays in the inbox. */
                            id: string;
                            /** @enum {string} */
                            kind: "vote" | "review" | "queue" | "execute" | "sponsor" | "application" | "reply" | "mention";
                            /** @description The collective's governor address. */
                            collective: string;
                            collectiveName: string;
                            subject: {
                                /** @enum {string} */
                                kind: "proposal" | "work" | "application";
                                id: string;
                            };
                            title: string;
                            summary: string;
                            /** @description Where it is acted on in the web client. */
                            path: string;
                            /** @description When it is too late to act, if ever (seconds). */
                            deadline: number | null;
                            /** @description When it arrived (seconds, the chain's clock). */
                            time: number;
                        }[];
                    };
                };
            };
            /** @description A parameter is malformed or out of range. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description Nothing has this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests from this client. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description The server failed. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
        };
    };
    getCollectiveFeed: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The collective's governor address. */
                address: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The feed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/atom+xml": string;
                };
            };
            /** @description A parameter is malformed or out of range. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description Nothing has this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests from this client. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
        };
    };
    getInboxFeed: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The member's account. */
                address: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The feed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/atom+xml": string;
                };
            };
            /** @description A parameter is malformed or out of range. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests from this client. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
        };
    };
    getChain: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The chain the service follows and the factory that creates collectives on it */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The chain's id (EIP-155). */
                        chainId: number;
                        /** @description The CollectiveFactory whose collectives are indexed. */
                        factory: string;
                    };
                };
            };
            /** @description A parameter is malformed or out of range. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description The service was started without a factory address. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests from this client. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description The server failed. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description The service has not reached its chain yet. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
        };
    };
    listComments: {
        parameters: {
            query?: {
                /** @description Items per page, at most 200. */
                limit?: number;
                /** @description Where to continue: the `next` of the previous page. */
                cursor?: string;
            };
            header?: never;
            path: {
                /** @description The collective's governor address. */
                address: string;
                kind: "proposal" | "work" | "application";
                /** @description The proposal's, work item's or application's id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A thread's comments, oldest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @description The EIP-712 digest of the signed message that posted it. */
                            id: string;
                            /** @enum {string} */
                            kind: "proposal" | "work" | "application";
                            thread: string;
                            parent: string | null;
                            /** @description An address, in any case; answered checksummed. */
                            author: string;
                            /** @description Markdown; empty once deleted. */
                            body: string;
                            /** @description The members named with @name. */
                            mentions: string[];
                            /** @description Seconds since the Unix epoch. */
                            createdAt: number;
                            /** @description Seconds since the Unix epoch. */
                            editedAt: number | null;
                            /** @description Seconds since the Unix epoch. */
                            deletedAt: number | null;
                        }[];
                        /** @description The cursor of the next page; null on the last page. */
                        next: string | null;
                    };
                };
            };
            /** @description A parameter is malformed or out of range. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description Nothing has this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests from this client. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description The server failed. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
        };
    };
    postComment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The collective's governor address. */
                address: string;
                kind: "proposal" | "work" | "application";
                /** @description The proposal's, work item's or application's id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description An address, in any case; answered checksummed. */
                    author: string;
                    /** @description The comment replied to, in this thread; zero for none. */
                    parent: string;
                    /** @description Markdown. */
                    body: string;
                    /** @description When it was signed, in seconds; valid for ten minutes. */
                    issuedAt: number;
                    nonce: string;
                    signature: string;
                };
            };
        };
        responses: {
            /** @description Posts a comment signed by its author: a member, or the applicant in their application's thread */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The EIP-712 digest of the signed message that posted it. */
                        id: string;
                        /** @enum {string} */
                        kind: "proposal" | "work" | "application";
                        thread: string;
                        parent: string | null;
                        /** @description An address, in any case; answered checksummed. */
                        author: string;
                        /** @description Markdown; empty once deleted. */
                        body: string;
                        /** @description The members named with @name. */
                        mentions: string[];
                        /** @description Seconds since the Unix epoch. */
                        createdAt: number;
                        /** @description Seconds since the Unix epoch. */
                        editedAt: number | null;
                        /** @description Seconds since the Unix epoch. */
                        deletedAt: number | null;
                    };
                };
            };
            /** @description A parameter is malformed or out of range. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description The signature is not the author's. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description The author may not post here, or the comment is another's. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description Nothing has this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description This signed message was used already. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description The author signed too many in the last minute. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description The server failed. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description The service has not reached its chain yet. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
        };
    };
    deleteComment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The collective's governor address. */
                address: string;
                kind: "proposal" | "work" | "application";
                /** @description The proposal's, work item's or application's id. */
                id: string;
                comment: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description An address, in any case; answered checksummed. */
                    author: string;
                    /** @description When it was signed, in seconds; valid for ten minutes. */
                    issuedAt: number;
                    nonce: string;
                    signature: string;
                };
            };
        };
        responses: {
            /** @description Deletes one's own comment, by a message its author signed; its place in the thread stays */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The EIP-712 digest of the signed message that posted it. */
                        id: string;
                        /** @enum {string} */
                        kind: "proposal" | "work" | "application";
                        thread: string;
                        parent: string | null;
                        /** @description An address, in any case; answered checksummed. */
                        author: string;
                        /** @description Markdown; empty once deleted. */
                        body: string;
                        /** @description The members named with @name. */
                        mentions: string[];
                        /** @description Seconds since the Unix epoch. */
                        createdAt: number;
                        /** @description Seconds since the Unix epoch. */
                        editedAt: number | null;
                        /** @description Seconds since the Unix epoch. */
                        deletedAt: number | null;
                    };
                };
            };
            /** @description A parameter is malformed or out of range. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description The signature is not the author's. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description The author may not post here, or the comment is another's. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description Nothing has this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description This signed message was used already. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description The author signed too many in the last minute. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description The server failed. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description The service has not reached its chain yet. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
        };
    };
    editComment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The collective's governor address. */
                address: string;
                kind: "proposal" | "work" | "application";
                /** @description The proposal's, work item's or application's id. */
                id: string;
                comment: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description An address, in any case; answered checksummed. */
                    author: string;
                    /** @description Markdown. */
                    body: string;
                    /** @description When it was signed, in seconds; valid for ten minutes. */
                    issuedAt: number;
                    nonce: string;
                    signature: string;
                };
            };
        };
        responses: {
            /** @description Edits one's own comment, by a message its author signed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The EIP-712 digest of the signed message that posted it. */
                        id: string;
                        /** @enum {string} */
                        kind: "proposal" | "work" | "application";
                        thread: string;
                        parent: string | null;
                        /** @description An address, in any case; answered checksummed. */
                        author: string;
                        /** @description Markdown; empty once deleted. */
                        body: string;
                        /** @description The members named with @name. */
                        mentions: string[];
                        /** @description Seconds since the Unix epoch. */
                        createdAt: number;
                        /** @description Seconds since the Unix epoch. */
                        editedAt: number | null;
                        /** @description Seconds since the Unix epoch. */
                        deletedAt: number | null;
                    };
                };
            };
            /** @description A parameter is malformed or out of range. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description The signature is not the author's. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description The author may not post here, or the comment is another's. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description Nothing has this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description This signed message was used already. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description The author signed too many in the last minute. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description The server failed. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description The service has not reached its chain yet. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
        };
    };
    subscribeWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An address, in any case; answered checksummed. */
                address: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Where to POST, http(s), on a public address. */
                    url: string;
                    /** @enum {string} */
                    format: "json" | "discord" | "slack" | "matrix";
                    /** @description When it was signed, in seconds; valid for ten minutes. */
                    issuedAt: number;
                    signature: string;
                };
            };
        };
        responses: {
            /** @description A webhook for the member's inbox, made by a request they signed; answers its secret once */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        url: string;
                        /** @enum {string} */
                        format: "json" | "discord" | "slack" | "matrix";
                        secret: string;
                    };
                };
            };
            /** @description A parameter is malformed or out of range. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description The signature is not the account's. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description The signer is not a member, or the URL is not a public address. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description Nothing has this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description This signed request was used already, or the member has five webhooks. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests from this client. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description The server failed. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description The service has not reached its chain yet. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
        };
    };
    unsubscribeWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An address, in any case; answered checksummed. */
                address: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description When it was signed, in seconds; valid for ten minutes. */
                    issuedAt: number;
                    signature: string;
                };
            };
        };
        responses: {
            /** @description Ends a member's webhook, by a request they signed; its delivery log stays */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        active: boolean;
                    };
                };
            };
            /** @description A parameter is malformed or out of range. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description Not the member's webhook. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description Nothing has this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests from this client. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description The server failed. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
        };
    };
    getWebhookLog: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A webhook's latest deliveries, newest first, by the webhook's id (which only its owner knows) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @enum {string} */
                        format: "json" | "discord" | "slack" | "matrix";
                        active: boolean;
                        deliveries: {
                            id: number;
                            /** @description The stable id of what was told. */
                            entry: string;
                            /** @enum {string} */
                            status: "pending" | "delivered" | "dead";
                            attempts: number;
                            lastStatus: number | null;
                            lastError: string | null;
                            createdAt: string;
                            nextAttemptAt: string | null;
                            deliveredAt: string | null;
                        }[];
                    };
                };
            };
            /** @description A parameter is malformed or out of range. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description Nothing has this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests from this client. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description The server failed. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
        };
    };
    getRelayInfo: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Whether this service relays signed actions, from which account, and its quotas */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        enabled: boolean;
                        /** @description The account that pays the gas. */
                        relayer: string | null;
                        kinds: ("vote" | "delegation" | "objection" | "profile")[];
                        /** @description Relays a member may ask for in 24 hours. */
                        memberDaily: number;
                        /** @description Relays a collective's members may ask for in 24 hours. */
                        collectiveDaily: number;
                    };
                };
            };
            /** @description A parameter is malformed or out of range. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description Nothing has this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests from this client. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description The server failed. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
        };
    };
    postRelay: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    kind: "vote" | "delegation" | "objection" | "profile";
                    /** @description The collective's governor. */
                    collective: string;
                    /** @description Who signed: the voter, delegator, objector or member. */
                    signer: string;
                    message: {
                        /** @description A whole number in decimal digits. */
                        proposalId?: string;
                        /**
                         * @description 0 against, 1 for, 2 abstain.
                         * @enum {integer}
                         */
                        support?: 0 | 1 | 2;
                        /** @description An address, in any case; answered checksummed. */
                        voter?: string;
                        /** @description An address, in any case; answered checksummed. */
                        delegatee?: string;
                        /** @description A whole number in decimal digits. */
                        expiry?: string;
                        /** @description The work item objected to. */
                        id?: string;
                        /** @description An address, in any case; answered checksummed. */
                        objector?: string;
                        /** @description An address, in any case; answered checksummed. */
                        member?: string;
                        name?: string;
                        avatar?: string;
                        uri?: string;
                        reason?: string;
                        /** @description A whole number in decimal digits. */
                        nonce?: string;
                        /** @description A whole number in decimal digits. */
                        deadline?: string;
                    };
                    /** @description The 65-byte EIP-712 signature. */
                    signature: string;
                };
            };
        };
        responses: {
            /** @description Relays one signed action (a vote, delegation, objection or profile): checked, then queued */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @enum {string} */
                        kind: "vote" | "delegation" | "objection" | "profile";
                        /** @description An address, in any case; answered checksummed. */
                        collective: string;
                        /** @description An address, in any case; answered checksummed. */
                        signer: string;
                        /** @enum {string} */
                        status: "queued" | "sent" | "mined" | "failed";
                        txHash: string | null;
                        /** @description Why it failed, in words. */
                        error: string | null;
                        gasUsed: string | null;
                        /** @description What it cost the relayer, in wei. */
                        cost: string | null;
                        blockNumber: number | null;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description A parameter is malformed or out of range. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description The signature is not the signer's over this action. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description The relayer has too little ETH to pay for it (RelayerOutOfFunds): send it yourself. */
            402: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description The signer holds no shares or votes in the collective. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description The relay is off, or the collective is unknown. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description The nonce is used or not the next, or this signature was relayed already. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description The contract would refuse it: the message says why, in words. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description A daily quota, or the relayer's gas budget for the day, is reached. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description The server failed. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description The service has not reached its chain yet. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
        };
    };
    getRelay: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A relayed action's status: queued, sent, mined, or failed with the reason in words */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @enum {string} */
                        kind: "vote" | "delegation" | "objection" | "profile";
                        /** @description An address, in any case; answered checksummed. */
                        collective: string;
                        /** @description An address, in any case; answered checksummed. */
                        signer: string;
                        /** @enum {string} */
                        status: "queued" | "sent" | "mined" | "failed";
                        txHash: string | null;
                        /** @description Why it failed, in words. */
                        error: string | null;
                        gasUsed: string | null;
                        /** @description What it cost the relayer, in wei. */
                        cost: string | null;
                        blockNumber: number | null;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description A parameter is malformed or out of range. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description Nothing has this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests from this client. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description The server failed. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
        };
    };
    streamEvents: {
        parameters: {
            query?: {
                /** @description Only `indexed` and `relay` events that touch this collective. */
                collective?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The event stream. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            /** @description A parameter is malformed or out of range. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests from this client. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A short code: BadRequest, NotFound, TooManyRequests… */
                        error: string;
                        /** @description What went wrong, in a sentence. */
                        message: string;
                    };
                };
            };
        };
    };
}
