/**
 * A proposal's kind and words depend on the collective as it stands when the proposal is made:
 * minting shares to someone who holds none is an admission, to a member a grant; an admission
 * names its applicant. The proposals here are made on a real chain and indexed in ranges small
 * enough that a membership changes between two proposals of the same index run.
 */
import { and, eq } from "drizzle-orm";
import { parseEventLogs, type Address } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { admissionProposal, mintSharesProposal, sharesAbi, type ProposalActions } from "@rhizome/contracts";
import { schema, type DatabaseHandle } from "@rhizome/db";
import { createRpc, Indexer } from "@rhizome/indexer";
import { addressOf, collectiveFixture, pass, propose, waitFor, type Fixture } from "../helpers/collective.js";
import { freshDatabase, quietLogger } from "../helpers/indexer.js";
import { serveProvider, type RpcServer } from "../helpers/rpc-server.js";

const short = (address: Address) => `${address.slice(0, 6)}…${address.slice(-4)}`;

describe(`a proposal's kind and words (${process.env.DATABASE_URL ? "Postgres" : "PGlite"})`, () => {
  let f: Fixture;
  let rpc: RpcServer;
  let db: DatabaseHandle;
  let applicationId: bigint;

  /** The indexed kind and action summaries of the proposal described as `description`. */
  async function indexed(description: string) {
    const [row] = await db.db
      .select()
      .from(schema.proposals)
      .where(and(eq(schema.proposals.collective, f.modules.governor), eq(schema.proposals.description, description)));
    if (!row) throw new Error(`No proposal "${description}" in the index`);
    return { kind: row.kind, summaries: row.actions.map((a) => a.summary) };
  }

  const both = (a: ProposalActions, b: ProposalActions, description: string): ProposalActions => ({
    targets: [...a.targets, ...b.targets],
    values: [...a.values, ...b.values],
    calldatas: [...a.calldatas, ...b.calldatas],
    description,
  });

  beforeAll(async () => {
    f = await collectiveFixture();
    const [bob, eve] = [addressOf(f.bob), addressOf(f.eve)];
    const applied = await waitFor(f, f.as(f.dave).shares.write.applyForMembership([30n, "I keep the books"]));
    const [submitted] = parseEventLogs({ abi: sharesAbi, eventName: "ApplicationSubmitted", logs: applied.logs });
    if (!submitted) throw new Error("No ApplicationSubmitted event");
    applicationId = submitted.args.applicationId;

    await propose(f, f.alice, mintSharesProposal(f.modules, bob, 10n, "Thank Bob"));
    await propose(f, f.alice, mintSharesProposal(f.modules, eve, 10n, "Invite Eve"));
    await propose(f, f.alice, admissionProposal(f.modules, applicationId, 30n, "Admit Dave"));
    await propose(
      f,
      f.alice,
      both(
        mintSharesProposal(f.modules, bob, 5n, ""),
        mintSharesProposal(f.modules, eve, 5n, ""),
        "Thank Bob, invite Eve",
      ),
    );
    // Eve is admitted by a proposal that passes; the next mint to her is a grant.
    await pass(f, mintSharesProposal(f.modules, eve, 10n, "Admit Eve"));
    await propose(f, f.alice, mintSharesProposal(f.modules, eve, 7n, "Thank Eve"));

    rpc = await serveProvider(f.connection.provider);
    db = await freshDatabase();
    // Ranges of a few blocks: Eve's admission and the later grant fall in different ranges and
    // in the same one across the run, so the words come from the batch, not only the database.
    const indexer = new Indexer(
      db.db,
      createRpc(rpc.url),
      {
        factory: f.deployment.factory,
        startBlock: f.deployment.startBlock,
        confirmations: 0,
        pollInterval: 20,
        initialRange: 4,
      },
      quietLogger,
    );
    await indexer.init();
    await indexer.syncToHead();
  });
  afterAll(async () => {
    await db?.close();
    await rpc?.close();
  });

  it("calls a mint to a member a grant", async () => {
    expect(await indexed("Thank Bob")).toEqual({
      kind: "grant",
      summaries: [`Mint 10 shares to ${short(addressOf(f.bob))}: a grant to a member`],
    });
  });

  it("calls a mint to someone without shares an admission", async () => {
    expect(await indexed("Invite Eve")).toEqual({
      kind: "admission",
      summaries: [`Mint 10 shares to ${short(addressOf(f.eve))}: admission of a new member`],
    });
  });

  it("names the applicant an admission mints to", async () => {
    expect(await indexed("Admit Dave")).toEqual({
      kind: "admission",
      summaries: [`Mint 30 shares to ${short(addressOf(f.dave))}: admission of applicant #${applicationId}`],
    });
  });

  it("calls a proposal that both grants and admits 'other', with each action in its words", async () => {
    expect(await indexed("Thank Bob, invite Eve")).toEqual({
      kind: "other",
      summaries: [
        `Mint 5 shares to ${short(addressOf(f.bob))}: a grant to a member`,
        `Mint 5 shares to ${short(addressOf(f.eve))}: admission of a new member`,
      ],
    });
  });

  it("reads membership as it stood when the proposal was made", async () => {
    expect((await indexed("Admit Eve")).kind).toBe("admission");
    expect(await indexed("Thank Eve")).toEqual({
      kind: "grant",
      summaries: [`Mint 7 shares to ${short(addressOf(f.eve))}: a grant to a member`],
    });
  });
});
