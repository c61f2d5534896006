/**
 * What one request can cost when a collective writes as much text as the chain lets it: a
 * proposal's description and a vote's reason have no bound but a transaction's gas, and anyone
 * can make a collective of their own to write them. A page ends at PAGE_TEXT_BYTES of such text
 * (its first item whatever its size), and `next` reaches every item, whole.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCollective, mintSharesProposal } from "@rhizome/contracts";
import { PAGE_TEXT_BYTES } from "@rhizome/indexer";
import {
  addressOf,
  advance,
  collectiveFixture,
  contractsFor,
  propose,
  SETTINGS,
  Vote,
  waitFor,
  type Fixture,
  type Wallet,
} from "../helpers/collective.js";
import { backend, get, liveIndex, type LiveIndex } from "./indexed.js";

/**
 * Texts of 0.35 MB, about the most one transaction carries (16,777,216 gas at most, 40 gas a
 * byte of calldata): three fit in a page's megabyte, the fourth starts the next page.
 */
const TEXT_BYTES = 350_000;
const text = (label: string) => `${label} ${"x".repeat(TEXT_BYTES - label.length - 1)}`;

let f: Fixture;
let live: LiveIndex;
let proposalIds: bigint[];

beforeAll(async () => {
  const chain = await collectiveFixture();
  // A collective of five, whose members write as much as a transaction holds.
  const members = [chain.alice, chain.bob, chain.carol, chain.dave, chain.eve];
  const wordy = await createCollective(
    { publicClient: chain.publicClient, walletClient: chain.eve },
    {
      factory: chain.deployment.factory,
      name: "Wordy",
      symbol: "WRD",
      principles: ["Say it all"],
      founders: members.map((member) => ({ account: member.account.address, shares: 100n })),
      settings: SETTINGS,
    },
  );
  f = { ...chain, ...wordy, as: (wallet: Wallet) => contractsFor(chain, wordy.modules, wallet) };
  proposalIds = [];
  for (let i = 0; i < 4; i++) {
    const actions = mintSharesProposal(f.modules, addressOf(f.alice), 1n, text(`Proposal ${i}`));
    proposalIds.push(await propose(f, f.alice, actions));
  }
  await advance(f, SETTINGS.votingDelay + 1);
  const [first, ...others] = proposalIds as [bigint, ...bigint[]];
  for (const [i, voter] of members.slice(0, 4).entries()) {
    await waitFor(f, f.as(voter).governor.write.castVoteWithReason([first, Vote.For, text(`Reason ${i}`)]));
  }
  for (const id of others) await waitFor(f, f.as(f.bob).governor.write.castVoteWithReason([id, Vote.Against, "No"]));
  live = await liveIndex(f);
  await live.indexer.syncToHead();
});
afterAll(async () => {
  await live?.close();
});

/** Every page of `url` (up to 200 items each), following `next`. */
async function pages<T>(url: string): Promise<T[][]> {
  const out: T[][] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor === null ? "limit=200" : `limit=200&cursor=${cursor}`;
    const { status, body } = await get<{ items: T[]; next: string | null }>(live.app, `${url}?${query}`);
    expect(status).toBe(200);
    out.push(body.items);
    cursor = body.next;
  } while (cursor !== null && out.length < 20);
  return out;
}

/** The bytes of `texts` in a page's items before its last one: what the budget bounds. */
const bytesBeforeLast = <T>(page: T[], texts: (item: T) => string[]) =>
  page
    .slice(0, -1)
    .flatMap(texts)
    .reduce((sum, value) => sum + Buffer.byteLength(value), 0);

const sorted = (values: unknown[]) => values.map(String).sort();

describe(`a page's text budget (${backend})`, () => {
  it("ends a page of proposals at a megabyte of descriptions, and `next` reaches every proposal whole", async () => {
    const found = await pages<{ proposalId: string; description: string }>(
      `/api/collectives/${f.modules.governor}/proposals`,
    );
    expect(found.map((page) => page.length)).toEqual([3, 1]);
    for (const page of found) expect(bytesBeforeLast(page, (p) => [p.description])).toBeLessThan(PAGE_TEXT_BYTES);
    expect(sorted(found.flat().map((p) => p.proposalId))).toEqual(sorted(proposalIds));
    expect(found.flat().map((p) => p.description.length)).toEqual([TEXT_BYTES, TEXT_BYTES, TEXT_BYTES, TEXT_BYTES]);
  });

  it("ends a page of a proposal's votes at a megabyte of reasons, in the list and in the proposal", async () => {
    const [first] = proposalIds;
    const found = await pages<{ voter: string; reason: string }>(
      `/api/collectives/${f.modules.governor}/proposals/${first}/votes`,
    );
    expect(found.map((page) => page.length)).toEqual([3, 1]);
    expect(found.flat().map((vote) => vote.reason.length)).toEqual([TEXT_BYTES, TEXT_BYTES, TEXT_BYTES, TEXT_BYTES]);
    const detail = await get<{ votes: { items: unknown[]; next: string | null } }>(
      live.app,
      `/api/collectives/${f.modules.governor}/proposals/${first}`,
    );
    expect(detail.body.votes.items).toHaveLength(3);
    expect(detail.body.votes.next).not.toBeNull();
  });

  it("counts a member's reasons and the descriptions of what it voted on against one budget", async () => {
    const found = await pages<{ proposalId: string; description: string; reason: string }>(
      `/api/collectives/${f.modules.governor}/members/${addressOf(f.bob)}/votes`,
    );
    // Newest first: three votes carrying a description each, then one with a reason as long.
    expect(found.map((page) => page.length)).toEqual([3, 1]);
    for (const page of found) {
      expect(bytesBeforeLast(page, (v) => [v.description, v.reason])).toBeLessThan(PAGE_TEXT_BYTES);
    }
    expect(sorted(found.flat().map((vote) => vote.proposalId))).toEqual(sorted(proposalIds));
  });
});
