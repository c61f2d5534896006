/**
 * The proposals list's state filter, checked against the governor: each `?state=` lists exactly
 * the proposals to which the governor's state() gives that state, newest first, page after page.
 */
import { expect } from "vitest";
import type { FastifyInstance } from "fastify";
import type { Api } from "@rhizome/client";
import { ProposalState, type Fixture } from "../helpers/collective.js";
import { get } from "./indexed.js";

/** The governor's ProposalState values by the API's names. */
export const STATE_NAMES = Object.fromEntries(
  Object.entries(ProposalState).map(([name, value]) => [value, name.toLowerCase()]),
) as Record<number, Api.ProposalState>;

/** Every proposal of a list, two to a page, so the filter is kept across the cursor too. */
async function everyPage(app: FastifyInstance, url: string): Promise<Api.Proposal[]> {
  const items: Api.Proposal[] = [];
  let next: string | null = null;
  do {
    const page: string = `${url}${url.includes("?") ? "&" : "?"}limit=2${next ? `&cursor=${next}` : ""}`;
    const { status, body } = await get<Api.Page<Api.Proposal>>(app, page);
    expect(status, page).toBe(200);
    items.push(...body.items);
    next = body.next;
  } while (next);
  return items;
}

/** The API's name of a proposal's state on chain: an executed proposal whose calls reverted is `failed`. */
export async function chainState(f: Fixture, proposalId: bigint): Promise<Api.ProposalState | undefined> {
  const governor = f.as(f.alice).governor;
  const state = await governor.read.state([proposalId]);
  if (state === ProposalState.Executed && (await governor.read.proposalFailed([proposalId]))) return "failed";
  return STATE_NAMES[state];
}

/** Checks every state's filter against the governor's state of every proposal, at the indexed head. */
export async function expectStateFilters(app: FastifyInstance, f: Fixture): Promise<void> {
  const base = `/api/collectives/${f.modules.governor}/proposals`;
  const all = await everyPage(app, base);
  const onChain = new Map<string, Api.ProposalState | undefined>();
  for (const { proposalId } of all) onChain.set(proposalId, await chainState(f, BigInt(proposalId)));
  for (const state of [...Object.values(STATE_NAMES), "failed" as const]) {
    const listed = await everyPage(app, `${base}?state=${state}`);
    const expected = all.filter((p) => onChain.get(p.proposalId) === state).map((p) => p.proposalId);
    expect(
      listed.map((p) => p.proposalId),
      `?state=${state}`,
    ).toEqual(expected);
    expect(listed.every((p) => p.state === state)).toBe(true);
  }
}
