/**
 * Atom feeds, for ordinary feed readers: a collective's activity and a member's inbox. Their
 * links are absolute, made with the service's PUBLIC_URL; each entry's id is a `tag:` URI that
 * stays the same however often its block is indexed.
 */
import { collectiveParams, errorResponses } from "./common.js";
import { inboxParams } from "./inbox.js";

const atom = (description: string) => ({
  description,
  content: { "application/atom+xml": { schema: { type: "string" } } },
});

export const collectiveFeed = {
  operationId: "getCollectiveFeed",
  tags: ["collectives"],
  summary: "A collective's activity as an Atom feed",
  description:
    "An Atom 1.0 document (application/atom+xml): the collective's newest entries, as its webhooks tell them " +
    "(proposals made, passed or defeated, carried out or withdrawn; work delivered and settled; members joining " +
    "and leaving), newest first.",
  params: collectiveParams,
  response: { 200: atom("The feed."), 400: errorResponses[400], 404: errorResponses[404], 429: errorResponses[429] },
} as const;

export const inboxFeed = {
  operationId: "getInboxFeed",
  tags: ["inbox"],
  summary: "A member's inbox as an Atom feed",
  description:
    "An Atom 1.0 document (application/atom+xml): the items of GET /api/accounts/{address}/inbox, each an entry " +
    "that links to where it is acted on. An account that is a member nowhere has a feed without entries.",
  params: inboxParams,
  response: { 200: atom("The feed."), 400: errorResponses[400], 429: errorResponses[429] },
} as const;
