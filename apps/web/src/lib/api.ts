/** The API client: typed reads and writes against same-origin /api (or VITE_API_URL), errors as ApiError. */
import type { Api } from "@rhizome/client";
import type { ForVotesSource } from "@rhizome/contracts";

const BASE = (import.meta.env.VITE_API_URL as string | undefined) ?? "/api";

/** The API answered with an error body, or not at all. */
export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

type Query = Record<string, string | number | boolean | undefined>;

/** Where `path` lives: absolute when the page has an origin, so fetch works under tests too. */
export function apiUrl(path: string, query: Query = {}): string {
  const origin = typeof window === "undefined" ? "http://localhost" : window.location.origin;
  const url = new URL(`${BASE}${path}`, origin);
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== "") url.searchParams.set(key, String(value));
  return url.toString();
}

/** The API's answer as JSON, or its error body (`{error, message}`) thrown as an ApiError. */
async function answer<T>(response: Response): Promise<T> {
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as Api.ErrorBody | null;
    throw new ApiError(
      response.status,
      body?.error ?? "HttpError",
      body?.message ?? `The API answered ${response.status}.`,
    );
  }
  return (await response.json()) as T;
}

export async function getJson<T>(path: string, query?: Query, signal?: AbortSignal): Promise<T> {
  return answer<T>(
    await fetch(apiUrl(path, query), { signal: signal ?? null, headers: { accept: "application/json" } }),
  );
}

/** Sends `body` as JSON (a signed comment, a relay request) and reads the answer as getJson does. */
export async function sendJson<T>(method: "POST" | "PATCH" | "DELETE", path: string, body: unknown): Promise<T> {
  return answer<T>(
    await fetch(apiUrl(path), {
      method,
      headers: { accept: "application/json", "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
  );
}

const c = (address: string) => `/collectives/${address}`;

/** An item of the proposals, work or applications list, with its discussion thread's comment count. */
export type Counted<T> = T & { commentCount: number };

/** Where a list continues: the `next` of the page before (none for the first page) and its size. */
export interface PageOf {
  cursor?: string | undefined;
  limit?: number;
}

/** Every read the pages make, one function per route; lists take a page (`PageOf`) in their query. */
export const api = {
  collectives: (query: { q?: string; sort?: Api.CollectiveSort } & PageOf, signal?: AbortSignal) =>
    getJson<Api.Page<Api.CollectiveSummary>>("/collectives", { limit: 50, ...query }, signal),
  collective: (address: string, signal?: AbortSignal) => getJson<Api.CollectiveDetail>(c(address), {}, signal),
  members: (address: string, query: { q?: string } & PageOf, signal?: AbortSignal) =>
    getJson<Api.Page<Api.Member>>(`${c(address)}/members`, { limit: 50, ...query }, signal),
  /** What to call up to MAX_NAMES accounts: profile names and pictures, and ENS names. */
  names: (address: string, accounts: readonly string[], signal?: AbortSignal) =>
    getJson<Api.Names>(`${c(address)}/names`, { accounts: accounts.join(",") }, signal),
  member: (address: string, account: string, signal?: AbortSignal) =>
    getJson<Api.MemberDetail>(`${c(address)}/members/${account}`, {}, signal),
  memberVotes: (address: string, account: string, query: PageOf, signal?: AbortSignal) =>
    getJson<Api.Page<Api.MemberVote>>(`${c(address)}/members/${account}/votes`, { limit: 200, ...query }, signal),
  ownership: (address: string, signal?: AbortSignal) => getJson<Api.Ownership>(`${c(address)}/ownership`, {}, signal),
  ownershipHistory: (address: string, signal?: AbortSignal) =>
    getJson<Api.Page<Api.ConcentrationPoint>>(`${c(address)}/ownership/history`, { limit: 200 }, signal),
  proposals: (
    address: string,
    query: { state?: string; kind?: string; proposer?: string } & PageOf,
    signal?: AbortSignal,
  ) => getJson<Api.Page<Counted<Api.Proposal>>>(`${c(address)}/proposals`, { limit: 200, ...query }, signal),
  proposal: (address: string, id: string, signal?: AbortSignal) =>
    getJson<Api.ProposalDetail>(`${c(address)}/proposals/${id}`, {}, signal),
  proposalVotes: (address: string, id: string, query: PageOf, signal?: AbortSignal) =>
    getJson<Api.Page<Api.Vote>>(`${c(address)}/proposals/${id}/votes`, { limit: 50, ...query }, signal),
  work: (address: string, query: { state?: string; principle?: string } & PageOf, signal?: AbortSignal) =>
    getJson<Api.Page<Counted<Api.WorkItem>>>(`${c(address)}/work`, { limit: 200, ...query }, signal),
  applications: (address: string, query: { status?: string; applicant?: string } & PageOf, signal?: AbortSignal) =>
    getJson<Api.Page<Counted<Api.Application>>>(`${c(address)}/applications`, { limit: 200, ...query }, signal),
  treasury: (address: string, signal?: AbortSignal) => getJson<Api.Treasury>(`${c(address)}/treasury`, {}, signal),
  forVotes: (address: string, account: string, signal?: AbortSignal) =>
    getJson<Api.ForVotes>(`${c(address)}/members/${account}/for-votes`, {}, signal),
  balances: (address: string, query: { spam?: boolean } & PageOf, signal?: AbortSignal) =>
    getJson<Api.Page<Api.Balance>>(`${c(address)}/treasury/balances`, { limit: 200, ...query }, signal),
  /** A discussion thread's comments, oldest first. */
  thread: (address: string, kind: Api.ThreadKind, id: string, query: PageOf, signal?: AbortSignal) =>
    getJson<Api.Page<Api.Comment>>(`${c(address)}/threads/${kind}/${id}/comments`, { limit: 50, ...query }, signal),
  /** What needs a member now, across their collectives. */
  inbox: (account: string, signal?: AbortSignal) => getJson<Api.Inbox>(`/accounts/${account}/inbox`, {}, signal),
  network: (signal?: AbortSignal) => getJson<Api.Network>("/network", {}, signal),
  chain: (signal?: AbortSignal) => getJson<Api.ChainInfo>("/chain", {}, signal),
};

/**
 * The proofs of *for* votes that exits and releases need, read from the index rather than from
 * the chain's logs (which a hosted provider caps by block span): a collective is its governor.
 */
export const forVotesFromIndex: ForVotesSource = async ({ governor, voter }) =>
  (await api.forVotes(governor, voter)).proposalIds.map((id) => BigInt(id));
