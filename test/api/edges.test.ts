/**
 * Numbers at the edge of what the chain and the database hold, from the chain to the API and
 * from the API's input to the database: amounts of 2^256 - 1 (a token's whole supply deposited,
 * paid and taken on exit), the largest work terms and share supply the contracts allow, proposal
 * ids that are uint256 hashes, and page cursors holding numbers no column can hold.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getContract, maxUint256 } from "viem";
import {
  createCollective,
  mintSharesProposal,
  paymentProposal,
  ragequit,
  testTokenAbi,
  workProposal,
} from "@rhizome/contracts";
import { schema } from "@rhizome/db";
import {
  addressOf,
  advance,
  collectiveFixture,
  deployToken,
  pass,
  propose,
  SETTINGS,
  vote,
  Vote,
  waitFor,
} from "../helpers/collective.js";
import { buildHistory } from "../helpers/history.js";
import { backend, get, liveIndex, type Indexed } from "./indexed.js";

const MAX_UINT64 = 2n ** 64n - 1n;
const MAX_UINT128 = 2n ** 128n - 1n;

interface Edges extends Indexed {
  /** A token whose whole supply, 2^256 - 1, the treasury received and then paid to eve. */
  paid: `0x${string}`;
  /** A token whose whole supply the treasury received, part of which dave took on his exit. */
  taken: `0x${string}`;
  /** A token whose whole supply the treasury received and still holds. */
  held: `0x${string}`;
  payment: bigint;
  /** A collective founded by dave alone with every share the contracts allow, and its proposal. */
  whale: { governor: `0x${string}`; proposalId: bigint };
}

let t: Edges;

beforeAll(async () => {
  const f = await collectiveFixture();
  const history = await buildHistory(f);
  const paid = await deployToken(f, f.modules.treasury, maxUint256);
  const { proposalId: payment } = await pass(
    f,
    paymentProposal(f.modules, { to: addressOf(f.eve), amount: maxUint256, token: paid.address }, "Pay it all"),
  );
  const taken = await deployToken(f, f.modules.treasury, maxUint256);
  const held = await deployToken(f, f.modules.treasury, maxUint256);
  const daveShares = await f.as(f.dave).shares.read.balanceOf([addressOf(f.dave)]);
  await waitFor(
    f,
    ragequit(
      { publicClient: f.publicClient, walletClient: f.dave },
      { governor: f.modules.governor, treasury: f.modules.treasury, shares: daveShares, tokens: [taken.address] },
    ),
  );
  // The largest terms the work module takes: a reward of 2^64 - 1 shares, a payment of 2^128 - 1.
  await pass(
    f,
    workProposal(
      f.modules,
      {
        title: "Everything",
        specUri: "https://spec/all",
        principle: 0,
        reward: MAX_UINT64,
        payment: { amount: MAX_UINT128, token: paid.address },
      },
      "Commission everything",
    ),
  );
  // As many shares as the shares module allows, 2^64 - 1, with one holder who votes them all.
  const whale = await createCollective(
    { publicClient: f.publicClient, walletClient: f.dave },
    {
      factory: f.deployment.factory,
      name: "Whale",
      symbol: "WHL",
      principles: ["Size"],
      founders: [{ account: f.dave.account.address, shares: MAX_UINT64 }],
      settings: SETTINGS,
    },
  );
  const whaleFixture = { ...f, modules: whale.modules };
  const whaleProposal = await propose(
    whaleFixture,
    f.dave,
    mintSharesProposal(whale.modules, addressOf(f.eve), 1n, "Admit Eve"),
  );
  await advance(f, SETTINGS.votingDelay + 1);
  await vote(whaleFixture, f.dave, whaleProposal, Vote.For);

  const live = await liveIndex(f);
  await live.indexer.syncToHead();
  t = {
    f,
    history,
    ...live,
    paid: paid.address,
    taken: taken.address,
    held: held.address,
    payment,
    whale: { governor: whale.modules.governor, proposalId: whaleProposal },
  };
});
afterAll(async () => {
  await t?.close();
});

/** A token's balance of `account`, as the chain holds it. */
const balanceOf = (token: `0x${string}`, account: `0x${string}`) =>
  getContract({ address: token, abi: testTokenAbi, client: t.f.publicClient }).read.balanceOf([account]);

const base = () => `/api/collectives/${t.f.modules.governor}`;

describe(`amounts at uint256's edge, from the chain to the API (${backend})`, () => {
  it("stores a deposit of 2^256 - 1 and its payment in numeric(78,0) without loss", async () => {
    const f = schema.treasuryFlows;
    const flows = await t.db.db.select().from(f).orderBy(f.blockNumber, f.logIndex);
    const ofPaid = flows.filter((flow) => flow.token === t.paid).map((flow) => [flow.kind, flow.amount]);
    expect(ofPaid).toEqual([
      ["deposit", maxUint256],
      ["payment", -maxUint256],
    ]);
  });

  it("answers a deposit and a payment of 2^256 - 1 as exact decimal strings, and the balance the treasury states", async () => {
    const { status, body } = await get<{ items: { kind: string; token: string; amount: string }[] }>(
      t.app,
      `${base()}/treasury/flows?limit=200`,
    );
    expect(status).toBe(200);
    expect(body.items.filter((flow) => flow.token === t.paid).map((flow) => [flow.kind, flow.amount])).toEqual([
      ["payment", `-${maxUint256}`],
      ["deposit", maxUint256.toString()],
    ]);
    const balances = await get<{ items: { token: string; balance: string; reported: boolean; spam: boolean }[] }>(
      t.app,
      `${base()}/treasury/balances`,
    );
    expect(balances.body.items.find((b) => b.token === t.paid)).toMatchObject({
      balance: "0",
      reported: true,
      spam: false,
    });
    expect(await balanceOf(t.paid, addressOf(t.f.eve))).toBe(maxUint256);
  });

  it("takes a deposit of a token's whole supply, 2^256 - 1, as real, not spam, while only its Transfer says so", async () => {
    const balances = await get<{ items: { token: string; balance: string; reported: boolean; spam: boolean }[] }>(
      t.app,
      `${base()}/treasury/balances?spam=false`,
    );
    expect(balances.body.items.find((b) => b.token === t.held)).toEqual({
      token: t.held,
      balance: maxUint256.toString(),
      updatedBlock: expect.any(Number),
      reported: false,
      spam: false,
    });
    expect(await balanceOf(t.held, t.f.modules.treasury)).toBe(maxUint256);
  });

  it("answers an exit's part of 2^256 - 1 as the chain paid it, and the balance the treasury states after", async () => {
    const taken = await balanceOf(t.taken, addressOf(t.f.dave));
    expect(taken).toBeGreaterThan(2n ** 250n);
    const { body } = await get<{ items: { member: string; tokens: { token: string; amount: string }[] }[] }>(
      t.app,
      `${base()}/treasury/ragequits`,
    );
    const exit = body.items.find((r) => r.member === addressOf(t.f.dave));
    expect(exit?.tokens).toEqual([{ token: t.taken, amount: taken.toString() }]);
    const { body: flows } = await get<{ items: { kind: string; token: string; amount: string }[] }>(
      t.app,
      `${base()}/treasury/flows?kind=ragequit`,
    );
    expect(flows.items.filter((flow) => flow.token === t.taken).map((flow) => flow.amount)).toEqual([`-${taken}`]);
    const balances = await get<{ items: { token: string; balance: string; reported: boolean }[] }>(
      t.app,
      `${base()}/treasury/balances`,
    );
    expect(balances.body.items.find((b) => b.token === t.taken)).toMatchObject({
      balance: (await balanceOf(t.taken, t.f.modules.treasury)).toString(),
      reported: true,
    });
  });

  it("answers a payment proposal of 2^256 - 1 by its uint256 id, its action's amount exact in numbers and words", async () => {
    const id = t.payment.toString();
    const { status, body } = await get<{
      proposalId: string;
      kind: string;
      actions: { args: Record<string, string> | null; summary: string }[];
    }>(t.app, `${base()}/proposals/${id}`);
    expect(status).toBe(200);
    expect(body.proposalId).toBe(id);
    expect(body.kind).toBe("payment");
    expect(body.actions[0]?.args).toMatchObject({ amount: maxUint256.toString() });
    expect(body.actions[0]?.summary).toContain(`Pay ${maxUint256} of token`);
    // Every proposal id the list answers is one the chain made, digit for digit.
    const list = await get<{ items: { proposalId: string }[] }>(t.app, `${base()}/proposals?limit=200`);
    const ids = list.body.items.map((p) => p.proposalId);
    expect(ids).toContain(id);
    expect(ids).toContain(t.history.defeated.toString());
    for (const listed of ids) expect(BigInt(listed).toString()).toBe(listed);
  });

  it("answers the largest work terms the contracts allow: a reward of 2^64 - 1 shares and a payment of 2^128 - 1", async () => {
    const { body } = await get<{ items: { title: string; reward: string; paymentAmount: string }[] }>(
      t.app,
      `${base()}/work`,
    );
    expect(body.items.find((item) => item.title === "Everything")).toMatchObject({
      reward: MAX_UINT64.toString(),
      paymentAmount: MAX_UINT128.toString(),
    });
  });

  it("answers a supply of 2^64 - 1 shares voted by one member: shares, tally and quorum exact", async () => {
    const whale = `/api/collectives/${t.whale.governor}`;
    const collective = await get<{ stats: { totalShares: string } }>(t.app, whale);
    expect(collective.body.stats.totalShares).toBe(MAX_UINT64.toString());
    const members = await get<{ items: { account: string; shares: string; votingPower: string }[] }>(
      t.app,
      `${whale}/members`,
    );
    expect(members.body.items).toMatchObject([
      { account: addressOf(t.f.dave), shares: MAX_UINT64.toString(), votingPower: MAX_UINT64.toString() },
    ]);
    const proposal = await get<{ forVotes: string; quorum: string }>(t.app, `${whale}/proposals/${t.whale.proposalId}`);
    expect(proposal.body).toMatchObject({
      forVotes: MAX_UINT64.toString(),
      quorum: ((MAX_UINT64 * BigInt(SETTINGS.quorumPercent)) / 100n).toString(),
    });
  });
});

describe(`uint256 ids at the edge, in the path (${backend})`, () => {
  it("reads a proposal id of 2^256 - 1 as an id no proposal has (404), and 2^256 or 79 digits as malformed (400)", async () => {
    const proposal = (id: string) => get<{ error: string; message: string }>(t.app, `${base()}/proposals/${id}`);
    expect((await proposal(maxUint256.toString())).status).toBe(404);
    expect(await proposal((maxUint256 + 1n).toString())).toMatchObject({
      status: 400,
      body: { error: "BadRequest", message: "The path parameter proposalId must be at most 2^256 - 1." },
    });
    expect((await proposal("9".repeat(79))).status).toBe(400);
  });
});

/**
 * Every list that pages with a keyset cursor: its route, the list its cursors name, the kinds of
 * its key, and the order it pages in.
 */
const LISTS: { route: string; list: string; kinds: ("int" | "uint" | "text")[]; order: "asc" | "desc" }[] = [
  { route: "/api/collectives", list: "collectives:size", kinds: ["int", "text"], order: "desc" },
  { route: "/api/collectives?sort=newest", list: "collectives:newest", kinds: ["int", "uint"], order: "desc" },
  { route: "{c}/members", list: "members", kinds: ["uint", "text"], order: "desc" },
  { route: "{c}/members/{alice}/shares", list: "share-history", kinds: ["int", "int"], order: "asc" },
  { route: "{c}/members/{alice}/votes", list: "member-votes", kinds: ["int", "int"], order: "desc" },
  { route: "{c}/members/{carol}/delegations", list: "delegations", kinds: ["int", "int"], order: "desc" },
  { route: "{c}/members/{dave}/work", list: "work", kinds: ["int"], order: "desc" },
  { route: "{c}/proposals", list: "proposals", kinds: ["int", "uint"], order: "desc" },
  { route: "{c}/proposals/{defeated}/votes", list: "votes", kinds: ["int", "int"], order: "desc" },
  { route: "{c}/work", list: "work", kinds: ["int"], order: "desc" },
  { route: "{c}/work/1/objections", list: "objections", kinds: ["int", "text"], order: "desc" },
  { route: "{c}/applications", list: "applications", kinds: ["int"], order: "desc" },
  { route: "{c}/treasury/flows", list: "flows", kinds: ["int", "int", "text"], order: "desc" },
  { route: "{c}/treasury/ragequits", list: "ragequits", kinds: ["int", "int"], order: "desc" },
  { route: "{c}/ownership/holders", list: "holders", kinds: ["uint", "text"], order: "desc" },
  { route: "{c}/ownership/history", list: "ownership-history", kinds: ["int"], order: "asc" },
];

/** A LISTS route as a URL of the indexed collective. */
const urlOf = (route: string) =>
  route
    .replace("{c}", base())
    .replace("{alice}", addressOf(t.f.alice))
    .replace("{carol}", addressOf(t.f.carol))
    .replace("{dave}", addressOf(t.f.dave))
    .replace("{defeated}", t.history.defeated.toString());

/** A cursor of `list` whose key is the largest (or smallest) value each kind may hold, past every column's range. */
function extremeCursor(list: string, kinds: readonly ("int" | "uint" | "text")[], sign: 1 | -1): string {
  const key = kinds.map((kind) =>
    kind === "int" ? sign * Number.MAX_SAFE_INTEGER : kind === "uint" ? `${sign < 0 ? "-" : ""}${"9".repeat(80)}` : "",
  );
  return Buffer.from(JSON.stringify([list, ...key])).toString("base64url");
}

describe(`numbers past a column's range in a cursor (${backend})`, () => {
  it.each(LISTS)(
    "$route: a cursor past either end of its key's range answers every row or none, never a 5xx",
    async (c) => {
      const url = (cursor?: string) => {
        const path = urlOf(c.route);
        return cursor === undefined ? path : `${path}${path.includes("?") ? "&" : "?"}cursor=${cursor}`;
      };
      const first = await get<{ items: unknown[]; next: string | null }>(t.app, url());
      expect(first.status).toBe(200);
      expect(first.body.items.length, "the list has rows to page through").toBeGreaterThan(0);
      const [before, after] = c.order === "desc" ? [1, -1] : [-1, 1];
      const all = await get<{ items: unknown[] }>(t.app, url(extremeCursor(c.list, c.kinds, before as 1 | -1)));
      expect(all.status).toBe(200);
      expect(all.body).toEqual(first.body);
      const none = await get<{ items: unknown[]; next: string | null }>(
        t.app,
        url(extremeCursor(c.list, c.kinds, after as 1 | -1)),
      );
      expect(none.status).toBe(200);
      expect(none.body).toEqual({ items: [], next: null });
    },
  );
});
