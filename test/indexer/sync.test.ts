import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseEther, zeroAddress } from "viem";
import { schema, type DatabaseHandle } from "@rhizome/db";
import { addressOf, collectiveFixture, type Fixture } from "../helpers/collective.js";
import { buildHistory } from "../helpers/history.js";
import { freshDatabase, indexerFor } from "../helpers/indexer.js";
import { serveProvider, type RpcServer } from "../helpers/rpc-server.js";

describe(`indexing a collective's history (${process.env.DATABASE_URL ? "Postgres" : "PGlite"})`, () => {
  let f: Fixture;
  let rpc: RpcServer;
  let db: DatabaseHandle;
  let history: Awaited<ReturnType<typeof buildHistory>>;

  beforeAll(async () => {
    f = await collectiveFixture();
    history = await buildHistory(f);
    rpc = await serveProvider(f.connection.provider);
    db = await freshDatabase();
    const indexer = indexerFor(db, f, rpc.url);
    await indexer.init();
    await indexer.syncToHead();
  });
  afterAll(async () => {
    await db?.close();
    await rpc?.close();
  });

  it("discovers both collectives from the factory with every module and setting", async () => {
    const rows = await db.db.select().from(schema.collectives).orderBy(schema.collectives.factoryId);
    expect(rows.map((r) => r.name)).toEqual(["Rizom", "Mycel"]);
    const rizom = rows[0];
    expect(rizom).toMatchObject({
      address: f.modules.governor,
      shares: f.modules.shares,
      treasury: f.modules.treasury,
      timelock: f.modules.timelock,
      work: f.modules.work,
      quorumPercent: 20,
      memberCount: 5,
      totalShares: 1000n + 50n + 30n - 50n + 20n,
    });
    const principles = await db.db
      .select()
      .from(schema.principles)
      .where(sql`collective = ${f.modules.governor}`);
    expect(principles).toHaveLength(4);
  });

  it("projects members' shares, votes, delegates, profiles and network links", async () => {
    const members = await db.db
      .select()
      .from(schema.members)
      .where(sql`collective = ${f.modules.governor}`);
    const byAccount = new Map(members.map((m) => [m.account, m]));
    expect(byAccount.get(addressOf(f.carol))).toMatchObject({
      shares: 50n,
      votingPower: 0n,
      delegate: addressOf(f.alice),
    });
    expect(byAccount.get(addressOf(f.alice))).toMatchObject({ shares: 600n, votingPower: 650n });
    expect(byAccount.get(addressOf(f.dave))).toMatchObject({ shares: 80n, profileUri: "https://dave.example" });
    expect(byAccount.get(history.mycel.modules.timelock)).toMatchObject({
      shares: 20n,
      memberCollective: history.mycel.modules.governor,
    });
    const supply = await db.db
      .select()
      .from(schema.shareEvents)
      .where(sql`collective = ${f.modules.governor}`);
    expect(supply.at(-1)?.supply).toBe(1050n);
  });

  it("projects applications, proposals with their kinds and tallies, and votes with reasons", async () => {
    const apps = await db.db.select().from(schema.applications).orderBy(schema.applications.applicationId);
    expect(apps.filter((a) => a.collective === f.modules.governor).map((a) => [a.applicationId, a.status])).toEqual([
      [1, "admitted"],
      [2, "withdrawn"],
      [3, "admitted"],
    ]);
    const proposals = await db.db
      .select()
      .from(schema.proposals)
      .where(sql`collective = ${f.modules.governor}`)
      .orderBy(schema.proposals.createdBlock);
    expect(proposals.map((p) => [p.kind, p.status])).toEqual([
      ["admission", "executed"],
      ["work", "executed"],
      ["payment", "created"],
      ["payment", "executed"],
      ["admission", "executed"],
    ]);
    const defeated = proposals.find((p) => p.proposalId === history.defeated);
    expect(defeated).toMatchObject({ forVotes: 300n, againstVotes: 600n, voteCount: 2, quorum: 216n });
    expect(defeated?.actions[0]?.summary).toBe(
      `Pay 5 ETH to ${addressOf(f.bob).slice(0, 6)}…${addressOf(f.bob).slice(-4)}`,
    );
    const [against] = await db.db
      .select()
      .from(schema.votes)
      .where(sql`voter = ${addressOf(f.alice)} AND support = 0`);
    expect(against?.reason).toBe("Too much");
  });

  it("projects work, treasury balances and exits", async () => {
    const [work] = await db.db
      .select()
      .from(schema.workItems)
      .where(sql`collective = ${f.modules.governor}`);
    expect(work).toMatchObject({
      state: "accepted",
      objections: 100n,
      objectionQuorum: 105n,
      principle: 2,
      reward: 30n,
    });
    const balances = await db.db
      .select()
      .from(schema.treasuryBalances)
      .where(sql`collective = ${f.modules.governor}`);
    const of = (token: string) => balances.find((b) => b.token === token)?.balance;
    // 10 ETH, 1 paid to Eve, carol took 50/1080 of the rest.
    const ethAfterPay = parseEther("9");
    expect(of(zeroAddress)).toBe(ethAfterPay - (ethAfterPay * 50n) / 1080n);
    expect(of(history.token.address)).toBe(await history.token.read.balanceOf([f.modules.treasury]));
    const [exit] = await db.db.select().from(schema.ragequits);
    expect(exit).toMatchObject({ member: addressOf(f.carol), shares: 50n, supply: 1080n });
    const history_ = await db.db
      .select()
      .from(schema.ownershipHistory)
      .where(sql`collective = ${f.modules.governor}`);
    expect(history_.length).toBeGreaterThan(1);
    expect(history_.at(-1)).toMatchObject({ holders: 5, totalShares: 1050n });
  });
});
