/**
 * Chain data as an attacker writes it: anyone can put a NUL byte in a string the contracts
 * accept, and any contract can emit Transfer events into a treasury (for amounts no token can
 * hold, or in another event's shape). None of it may stop the indexer, and none of it may be
 * summed into what the treasury is trusted to hold.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { getAddress, maxUint256, parseEther, zeroAddress } from "viem";
import { createCollective, mintSharesProposal } from "@rhizome/contracts";
import { schema, type DatabaseHandle } from "@rhizome/db";
import type { Indexer } from "@rhizome/indexer";
import {
  addressOf,
  advance,
  collectiveFixture,
  propose,
  SETTINGS,
  waitFor,
  type Fixture,
} from "../helpers/collective.js";
import { freshDatabase, indexerFor, snapshotTables } from "../helpers/indexer.js";
import { serveProvider, type RpcServer } from "../helpers/rpc-server.js";
import { appOver, backend } from "../api/indexed.js";

const NUL = "\u0000";

describe(`hostile chain data (${backend})`, () => {
  let f: Fixture;
  let rpc: RpcServer;
  let db: DatabaseHandle;
  let indexer: Indexer;
  const warnings: string[] = [];
  let spam: `0x${string}`;
  let mycel: `0x${string}`;

  beforeAll(async () => {
    f = await collectiveFixture();
    rpc = await serveProvider(f.connection.provider);
    db = await freshDatabase();
    indexer = indexerFor(
      db,
      f,
      rpc.url,
      0,
      {},
      {
        info() {},
        error() {},
        warn: (_obj, msg) => warnings.push(msg ?? ""),
      },
    );
    await indexer.init();

    // NUL bytes in every kind of string the contracts take: a pitch, a profile, a reason, a
    // collective's name, symbol and principles.
    await waitFor(f, f.as(f.dave).shares.write.applyForMembership([5n, `let${NUL}me in`]));
    await waitFor(f, f.as(f.bob).shares.write.setProfile(["", "", `https://bob${NUL}.example`]));
    const proposalId = await propose(f, f.alice, mintSharesProposal(f.modules, f.dave.account.address, 5n, "Admit"));
    await advance(f, SETTINGS.votingDelay + 1);
    await waitFor(f, f.as(f.bob).governor.write.castVoteWithReason([proposalId, 1, `yes${NUL}`]));
    const created = await createCollective(
      { publicClient: f.publicClient, walletClient: f.carol },
      {
        factory: f.deployment.factory,
        name: `My${NUL}cel`,
        symbol: `M${NUL}`,
        principles: [`Care${NUL}`],
        founders: [{ account: f.carol.account.address, shares: SETTINGS.proposalThreshold }],
        settings: SETTINGS,
      },
    );
    mycel = created.modules.governor;

    // A spam token: Transfers of uint256's largest amount into the treasury, three times, and
    // a Transfer in ERC-721's shape; the treasury also gets ETH, which it reports itself.
    const token = await f.connection.viem.deployContract("SpamToken", ["Free money", "FREE"]);
    spam = getAddress(token.address);
    for (let i = 0; i < 3; i++) await waitFor(f, token.write.fakeTransfer([f.modules.treasury, maxUint256]));
    await waitFor(f, token.write.fakeNftTransfer([f.modules.treasury, 7n]));
    await waitFor(f, f.deployer.sendTransaction({ to: f.modules.treasury, value: parseEther("1") }));

    await indexer.syncToHead();
  });
  afterAll(async () => {
    await db?.close();
    await rpc?.close();
  });

  it("stores NUL bytes in strings as U+FFFD and goes on", async () => {
    expect(indexer.status.caughtUp).toBe(true);
    const [application] = await db.db.select().from(schema.applications);
    expect(application?.pitch).toBe("let\uFFFDme in");
    const bob = await db.db
      .select()
      .from(schema.members)
      .where(sql`account = ${addressOf(f.bob)}`);
    expect(bob[0]?.profileUri).toBe("https://bob\uFFFD.example");
    const [vote] = await db.db.select().from(schema.votes);
    expect(vote?.reason).toBe("yes\uFFFD");
    const [collective] = await db.db
      .select()
      .from(schema.collectives)
      .where(sql`address = ${mycel}`);
    expect([collective?.name, collective?.symbol]).toEqual(["My\uFFFDcel", "M\uFFFD"]);
    const principles = await db.db
      .select()
      .from(schema.principles)
      .where(sql`collective = ${mycel}`);
    expect(principles.map((p) => p.name)).toEqual(["Care\uFFFD"]);
  });

  it("bounds a balance summed from Transfer events and marks the token as spam", async () => {
    const balances = await db.db
      .select()
      .from(schema.treasuryBalances)
      .where(sql`collective = ${f.modules.governor}`);
    const byToken = new Map(balances.map((b) => [b.token, b]));
    expect(byToken.get(spam)).toMatchObject({ balance: maxUint256, spam: true, reported: false });
    // ETH is what the treasury itself says it holds.
    expect(byToken.get(zeroAddress)).toMatchObject({ balance: parseEther("1"), spam: false, reported: true });
    // Every claimed deposit is still a flow of the record.
    const flows = await db.db
      .select()
      .from(schema.treasuryFlows)
      .where(sql`token = ${spam}`);
    expect(flows).toHaveLength(3);
  });

  it("skips and counts an event in another shape under a known topic, with a log line", () => {
    expect(indexer.status.skippedEvents).toBe(1);
    expect(warnings).toContain("a log did not decode as the event its topic names and was skipped");
  });

  it("leaves spam out of the treasury's overview, and lists it when asked", async () => {
    const app = await appOver(db, indexer);
    try {
      const overview = (await app.inject(`/api/collectives/${f.modules.governor}/treasury`)).json() as {
        balances: { items: { token: string }[] };
      };
      expect(overview.balances.items.map((b) => b.token)).toEqual([zeroAddress]);
      expect((await app.inject("/readyz")).json()).toMatchObject({ ready: true, skippedEvents: 1 });
      const listed = await app.inject(`/api/collectives/${f.modules.governor}/treasury/balances?spam=true`);
      expect(listed.json()).toMatchObject({
        items: [{ token: spam, balance: maxUint256.toString(), spam: true, reported: false }],
        next: null,
      });
    } finally {
      await app.close();
    }
  });

  it("equals a fresh index of the same chain", async () => {
    const fresh = await freshDatabase();
    try {
      const again = indexerFor(fresh, f, rpc.url);
      await again.init();
      await again.syncToHead();
      expect(await snapshotTables(fresh)).toEqual(await snapshotTables(db));
    } finally {
      await fresh.close();
    }
  });
});
