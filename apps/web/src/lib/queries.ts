/**
 * React Query hooks over the API. Keys start with the collective's address, so a live event
 * about one collective invalidates everything read about it and nothing else.
 */
import type { Api } from "@rhizome/client";
import { keepPreviousData, useInfiniteQuery, useQuery, type InfiniteData } from "@tanstack/react-query";
import { api, type PageOf } from "./api";

const key = (address: string, ...rest: unknown[]) => ["collective", address.toLowerCase(), ...rest] as const;

/** How many items a list page asks for at a time; "Show more" asks for the next as many. */
export const PAGE_SIZE = 20;

/** The pages of a list loaded so far, as one list, and whether the API has more. */
export interface Pages<T> {
  items: T[];
  more: boolean;
  /** How many pages are loaded. */
  pages: number;
}

/**
 * A list read page by page through the API's cursors: `fetchNextPage()` loads the next page
 * after the ones shown. `first`, when given, is a first page that came with another read (a
 * proposal's first votes), so it is not fetched again. `keepPrevious` shows the last list while
 * the next one loads, for a list whose query changes as someone types. `refetchInterval` reads
 * it again that often (ms), for a list that changes with no live event to say so.
 */
export function usePages<T>(
  queryKey: readonly unknown[],
  fetchPage: (page: PageOf, signal: AbortSignal) => Promise<Api.Page<T>>,
  options: { first?: Api.Page<T>; limit?: number; keepPrevious?: boolean; refetchInterval?: number } = {},
) {
  const limit = options.limit ?? PAGE_SIZE;
  return useInfiniteQuery({
    queryKey: [...queryKey, "pages", limit],
    queryFn: ({ pageParam, signal }) => fetchPage({ cursor: pageParam, limit }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
    select: (data: InfiniteData<Api.Page<T>, string | undefined>): Pages<T> => ({
      items: data.pages.flatMap((page) => page.items),
      more: data.pages.at(-1)?.next != null,
      pages: data.pages.length,
    }),
    ...(options.first ? { initialData: { pages: [options.first], pageParams: [undefined] } } : {}),
    ...(options.keepPrevious ? { placeholderData: keepPreviousData } : {}),
    ...(options.refetchInterval ? { refetchInterval: options.refetchInterval } : {}),
  });
}

export const useCollectives = (query: { q?: string; sort?: "size" | "newest" }) =>
  usePages(["collectives", query], (page, signal) => api.collectives({ ...query, ...page }, signal));

export const useCollective = (address: string) =>
  useQuery({ queryKey: key(address), queryFn: ({ signal }) => api.collective(address, signal) });

/** Members, most shares first; `q` keeps those whose name contains it or whose address starts with it. */
export const useMembers = (address: string, q?: string) =>
  usePages(key(address, "members", q ?? ""), (page, signal) => api.members(address, { q, ...page }, signal), {
    limit: 50,
    keepPrevious: true,
  });

/** One member; `enabled` false when no account is chosen. A 404 means "not a member" and is not retried. */
export const useMember = (address: string, account: string | undefined) =>
  useQuery({
    queryKey: key(address, "member", account?.toLowerCase()),
    queryFn: ({ signal }) => api.member(address, account as string, signal),
    enabled: account !== undefined,
    retry: false,
  });

/** A member's latest votes (up to 200), for the exit locks on the stake page. */
export const useMemberVotes = (address: string, account: string | undefined) =>
  useQuery({
    queryKey: key(address, "member", account?.toLowerCase(), "votes"),
    queryFn: ({ signal }) => api.memberVotes(address, account as string, {}, signal),
    enabled: account !== undefined,
    retry: false,
  });

/** All of a member's votes, page by page, continuing from the first page their profile came with. */
export const useMemberVotePages = (address: string, account: string, first: Api.Page<Api.MemberVote>) =>
  usePages(
    key(address, "member", account.toLowerCase(), "votes"),
    (page, signal) => api.memberVotes(address, account, page, signal),
    { first },
  );

export const useOwnership = (address: string) =>
  useQuery({ queryKey: key(address, "ownership"), queryFn: ({ signal }) => api.ownership(address, signal) });

export const useOwnershipHistory = (address: string) =>
  useQuery({
    queryKey: key(address, "ownership", "history"),
    queryFn: ({ signal }) => api.ownershipHistory(address, signal),
  });

/** The latest proposals (up to `limit`, 200 at most): the home page's recent ones, the stake page's locks. */
export const useProposals = (
  address: string,
  query: { state?: string; kind?: string; proposer?: string; limit?: number } = {},
) =>
  useQuery({
    queryKey: key(address, "proposals", query),
    queryFn: ({ signal }) => api.proposals(address, query, signal),
  });

/** Proposals page by page, newest first. */
export const useProposalPages = (address: string, query: { state?: string; kind?: string; proposer?: string }) =>
  usePages(key(address, "proposals", query), (page, signal) => api.proposals(address, { ...query, ...page }, signal));

/** A proposal's votes page by page, continuing from the first page its detail came with. */
export const useProposalVotes = (address: string, id: string, first: Api.Page<Api.Vote>) =>
  usePages(key(address, "proposal", id, "votes"), (page, signal) => api.proposalVotes(address, id, page, signal), {
    first,
  });

export const useProposal = (address: string, id: string) =>
  useQuery({ queryKey: key(address, "proposal", id), queryFn: ({ signal }) => api.proposal(address, id, signal) });

/** The latest work items (up to `limit`, 200 at most). */
export const useWork = (address: string, query: { state?: string; principle?: string; limit?: number } = {}) =>
  useQuery({ queryKey: key(address, "work", query), queryFn: ({ signal }) => api.work(address, query, signal) });

/** Work items page by page, newest first. */
export const useWorkPages = (address: string, query: { state?: string; principle?: string }) =>
  usePages(key(address, "work", query), (page, signal) => api.work(address, { ...query, ...page }, signal));

/** Applications page by page, newest first; `limit` a page (200 at most: a form's whole choice). */
export const useApplications = (
  address: string,
  query: { status?: string; applicant?: string } = {},
  limit: number = PAGE_SIZE,
) =>
  usePages(
    key(address, "applications", query),
    (page, signal) => api.applications(address, { ...query, ...page }, signal),
    { limit },
  );

export const useTreasury = (address: string) =>
  useQuery({ queryKey: key(address, "treasury"), queryFn: ({ signal }) => api.treasury(address, signal) });

/**
 * What an exit takes a part of: every asset the treasury holds that is not marked as spam, all of
 * them (page after page, so that many deposited tokens cannot push real ones out of sight), and
 * the first page of those marked as spam, which an exit leaves out.
 */
export const useExitAssets = (address: string) =>
  useQuery({
    queryKey: key(address, "treasury", "exit"),
    queryFn: async ({ signal }) => {
      const assets: Api.Balance[] = [];
      let cursor: string | undefined;
      do {
        const page = await api.balances(address, { spam: false, cursor }, signal);
        assets.push(...page.items);
        cursor = page.next ?? undefined;
      } while (cursor);
      const spam = await api.balances(address, { spam: true }, signal);
      return { assets, spam: spam.items, moreSpam: spam.next !== null };
    },
  });

/** The chain the service follows and its factory; fixed for the service's life. */
export const useChainInfo = () =>
  useQuery({ queryKey: ["chain"], queryFn: ({ signal }) => api.chain(signal), staleTime: Infinity });

export const useNetwork = () => useQuery({ queryKey: ["network"], queryFn: ({ signal }) => api.network(signal) });

/**
 * A discussion thread, oldest first, page by page. Under the collective's key, so a live event
 * about the collective refetches it too; and every 30 seconds, since others' comments are off
 * chain and no indexed event tells of them.
 */
export const useThread = (address: string, kind: Api.ThreadKind, id: string) =>
  usePages(key(address, "thread", kind, id), (page, signal) => api.thread(address, kind, id, page, signal), {
    limit: 50,
    refetchInterval: 30_000,
  });

/**
 * What needs the connected member now: read again after each indexed range (lib/live.ts) and
 * every minute, since replies and mentions arrive off chain and deadlines pass.
 */
export const useInbox = (account: string | undefined) =>
  useQuery({
    queryKey: ["inbox", account?.toLowerCase()],
    queryFn: ({ signal }) => api.inbox(account as string, signal),
    enabled: account !== undefined,
    refetchInterval: 60_000,
    retry: false,
  });
