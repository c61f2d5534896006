/**
 * The relay of signed actions, against Hardhat's chain and a real database: members' signed
 * profiles and votes posted at once are sent with contiguous relayer nonces and mined; a submitter
 * stopped mid-queue (some sent, some lost before they reached the node, some still queued) is
 * followed by another that loses and repeats nothing; a transaction stuck below the base fee is
 * replaced with the same nonce and higher fees; and every refusal answers a 4xx without spending
 * the relayer's ETH or queueing anything.
 */
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { getAddress, parseEther, type Address, type PublicClient } from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { sql } from "drizzle-orm";
import {
  createCollective,
  profileTypedData,
  readSigningDomain,
  signProfile,
  signVote,
  type CollectiveModules,
} from "@rhizome/contracts";
import { memoryFeed, relayDesk, RelaySubmitter, type RelayConfig } from "@rhizome/indexer";
import {
  addressOf,
  collectiveFixture,
  propose,
  quorumProposal,
  SETTINGS,
  PRINCIPLES,
  advance,
  type Fixture,
  type Wallet,
} from "../helpers/collective.js";
import { quietLogger } from "../helpers/indexer.js";
import { EventStream } from "../helpers/sse.js";
import { appOver, backend, liveIndex, type LiveIndex } from "./indexed.js";

const MEMBERS = 10;

describe(`the relay of signed actions (${backend})`, () => {
  let f: Fixture;
  let t: LiveIndex;
  let members: Wallet[];
  let modules: CollectiveModules;
  let relay: RelayConfig;
  let client: PublicClient;
  /** Actions relayed and mined, to post again. */
  const mined: unknown[] = [];

  const relayConfig = (overrides: Partial<RelayConfig> = {}): RelayConfig => ({
    account: relay?.account ?? privateKeyToAccount(generatePrivateKey()),
    memberDaily: 50,
    collectiveDaily: 1_000,
    gasBudgetWei: parseEther("1"),
    replaceAfterMs: 60_000,
    ...overrides,
  });
  /** What a submitter warned of: nothing, in every test. */
  const warnings: string[] = [];
  const log = {
    ...quietLogger,
    warn: (fields: object, message: string) => void warnings.push(`${message} ${JSON.stringify(fields)}`),
  };
  const submitterFor = (config: RelayConfig) =>
    new RelaySubmitter({ db: t.db.db, client, config, chainId: t.indexer.status.chainId, log });
  const appWith = async (config: RelayConfig | undefined, queued?: () => void) =>
    appOver(
      t.db,
      t.indexer,
      config
        ? {
            relay: relayDesk({
              db: t.db.db,
              client,
              config,
              chainId: () => t.indexer.status.chainId,
              ...(queued ? { queued } : {}),
            }),
          }
        : {},
    );
  const provider = () => f.connection.provider;
  const automine = (on: boolean) => provider().request({ method: "evm_setAutomine", params: [on] });
  const mine = () => provider().request({ method: "evm_mine", params: [] });
  const deadline = async () => (await client.getBlock()).timestamp + 3_600n;

  /** A member's signed profile, as the web client posts it. */
  const profileBody = async (wallet: Wallet, name: string, options: { deadline?: bigint; nonce?: bigint } = {}) => {
    const until = options.deadline ?? (await deadline());
    const signed =
      options.nonce === undefined
        ? await signProfile(
            { publicClient: client, walletClient: wallet },
            { shares: modules.shares, name, avatar: "", uri: "", deadline: until },
          )
        : await (async () => {
            const message = {
              name,
              avatar: "",
              uri: "",
              member: addressOf(wallet),
              nonce: options.nonce ?? 0n,
              deadline: until,
            };
            const domain = await readSigningDomain(client, modules.shares);
            return { message, signature: await wallet.signTypedData(profileTypedData(domain, message)) };
          })();
    const m = signed.message;
    return {
      kind: "profile",
      collective: modules.governor,
      signer: addressOf(wallet),
      message: { ...m, nonce: m.nonce.toString(), deadline: m.deadline.toString() },
      signature: signed.signature,
    };
  };
  const post = async (app: Awaited<ReturnType<typeof appWith>>, body: unknown) => {
    const response = await app.inject({ method: "POST", url: "/api/relay", payload: body as object });
    return { status: response.statusCode, body: response.json<Record<string, string>>() };
  };
  const relaysStored = async () =>
    ((await t.db.db.execute("SELECT count(*)::int AS n FROM relays")) as unknown as { rows: { n: number }[] }).rows[0]
      ?.n ?? -1;
  const nonces = async () =>
    (
      (await t.db.db.execute("SELECT nonce FROM relays WHERE nonce IS NOT NULL ORDER BY nonce")) as unknown as {
        rows: { nonce: string | number }[];
      }
    ).rows.map((r) => Number(r.nonce));
  /** The member's display name, as indexed from the chain now. */
  const nameOf = async (account: Address) => {
    await t.indexer.syncToHead();
    const result = (await t.db.db.execute(
      sql`SELECT name FROM members WHERE collective = ${modules.governor} AND account = ${account}`,
    )) as unknown as { rows: { name: string | null }[] };
    return result.rows[0]?.name;
  };

  beforeAll(async () => {
    f = await collectiveFixture();
    client = f.publicClient as unknown as PublicClient;
    members = f.wallets.slice(1, 1 + MEMBERS);
    // A collective of ten founders, each with 100 shares: the members who sign.
    const created = await createCollective(
      { publicClient: f.publicClient, walletClient: members[0] as Wallet },
      {
        factory: f.deployment.factory,
        name: "Relayed",
        symbol: "RLY",
        principles: PRINCIPLES,
        founders: members.map((m) => ({ account: m.account.address, shares: 100n })),
        settings: SETTINGS,
      },
    );
    modules = created.modules;
    relay = relayConfig();
    await f.deployer.sendTransaction({ to: relay.account.address, value: parseEther("10") });
    t = await liveIndex(f);
    await t.indexer.syncToHead();
  });
  afterEach(() => {
    expect(warnings.splice(0)).toEqual([]);
  });
  afterAll(async () => {
    await t?.close();
  });

  it("is off without a relayer key: GET says so, POST answers 404", async () => {
    const app = await appWith(undefined);
    const info = await app.inject("/api/relay");
    expect(info.json()).toEqual({ enabled: false, relayer: null, kinds: [], memberDaily: 0, collectiveDaily: 0 });
    const posted = await post(app, await profileBody(members[0] as Wallet, "Ada"));
    expect(posted.status).toBe(404);
    expect(posted.body.error).toBe("RelayOff");
    await app.close();
  });

  it("sends many members' signed actions at once with contiguous relayer nonces", async () => {
    const submitter = submitterFor(relay);
    const app = await appWith(relay, () => void submitter.pass());
    const info = await app.inject("/api/relay");
    expect(info.json()).toMatchObject({ enabled: true, relayer: relay.account.address });
    const bodies = await Promise.all(members.map((m, i) => profileBody(m, `Member ${i}`)));
    mined.push(...bodies);
    const answers = await Promise.all(bodies.map((body) => post(app, body)));
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ kind: "profile", status: "queued" });
    }
    await submitter.pass();
    await submitter.pass();
    await submitter.stop();
    expect(await nonces()).toEqual(members.map((_, i) => i));
    for (const [i, answer] of answers.entries()) {
      const status = await app.inject(`/api/relay/${answer.body.id}`);
      expect(status.json()).toMatchObject({ status: "mined", error: null, txHash: expect.stringMatching(/^0x/) });
      expect(await nameOf(addressOf(members[i] as Wallet))).toBe(`Member ${i}`);
    }
    expect(await client.getTransactionCount({ address: relay.account.address })).toBe(MEMBERS);
    await app.close();
  });

  it("loses and repeats nothing when the submitter stops mid-queue", async () => {
    const app = await appWith(relay);
    const start = await client.getTransactionCount({ address: relay.account.address });
    await automine(false);
    try {
      const first = await Promise.all(members.slice(0, 6).map((m, i) => profileBody(m, `Again ${i}`)));
      for (const body of first) expect((await post(app, body)).status).toBe(200);
      const before = submitterFor(relay);
      await before.pass();
      await before.stop();
      // Two were lost on their way (the node never kept them), and two more are queued meanwhile.
      const sent = (await t.db.db.execute(
        "SELECT tx_hashes FROM relays WHERE status = 'sent' ORDER BY nonce DESC LIMIT 2",
      )) as unknown as { rows: { tx_hashes: string[] }[] };
      for (const row of sent.rows) {
        await provider().request({ method: "hardhat_dropTransaction", params: [row.tx_hashes[0]] });
      }
      const more = await Promise.all(members.slice(6, 8).map((m, i) => profileBody(m, `Later ${i}`)));
      for (const body of more) expect((await post(app, body)).status).toBe(200);

      const after = submitterFor(relay);
      await after.pass();
      await mine();
      await after.pass();
      await after.stop();
    } finally {
      await automine(true);
    }
    const rows = (await t.db.db.execute(
      `SELECT status, nonce, tx_hashes FROM relays WHERE nonce >= ${start} ORDER BY nonce`,
    )) as unknown as { rows: { status: string; nonce: string | number; tx_hashes: string[] }[] };
    expect(rows.rows.map((r) => Number(r.nonce))).toEqual([0, 1, 2, 3, 4, 5, 6, 7].map((i) => start + i));
    expect(rows.rows.every((r) => r.status === "mined" && r.tx_hashes.length === 1)).toBe(true);
    expect(await client.getTransactionCount({ address: relay.account.address })).toBe(start + 8);
    expect(await nameOf(addressOf(members[7] as Wallet))).toBe("Later 1");
    await app.close();
  });

  it("replaces a transaction stuck below the base fee with the same nonce and higher fees", async () => {
    const quick = relayConfig({ replaceAfterMs: 50 });
    const app = await appWith(quick);
    const submitter = submitterFor(quick);
    await automine(false);
    let id: string;
    try {
      const answer = await post(app, await profileBody(members[8] as Wallet, "Patient"));
      expect(answer.status).toBe(200);
      id = answer.body.id as string;
      await submitter.pass();
      const sent = (await app.inject(`/api/relay/${id}`)).json<{ status: string; txHash: string }>();
      expect(sent.status).toBe("sent");
      // The base fee leaps above what the transaction offers: a block is mined without it.
      const tx = await client.getTransaction({ hash: sent.txHash as `0x${string}` });
      await provider().request({
        method: "hardhat_setNextBlockBaseFeePerGas",
        params: [`0x${((tx.maxFeePerGas ?? 0n) * 4n).toString(16)}`],
      });
      await mine();
      expect(await client.getTransactionReceipt({ hash: sent.txHash as `0x${string}` }).catch(() => null)).toBeNull();
      await new Promise((resolve) => setTimeout(resolve, 60));
      await submitter.pass();
      const replaced = (await app.inject(`/api/relay/${id}`)).json<{ status: string; txHash: string }>();
      expect(replaced.txHash).not.toBe(sent.txHash);
      const replacement = await client.getTransaction({ hash: replaced.txHash as `0x${string}` });
      expect(replacement.nonce).toBe(tx.nonce);
      expect(replacement.maxFeePerGas).toBeGreaterThan(tx.maxFeePerGas ?? 0n);
      await mine();
      await submitter.pass();
    } finally {
      await automine(true);
      await submitter.stop();
    }
    expect((await app.inject(`/api/relay/${id}`)).json()).toMatchObject({ status: "mined" });
    expect(await nameOf(addressOf(members[8] as Wallet))).toBe("Patient");
    await app.close();
  });

  it("fails a relay the node refuses (the relayer emptied meanwhile) and gives its nonce to the next", async () => {
    const submitter = submitterFor(relay);
    const app = await appWith(relay);
    const start = await client.getTransactionCount({ address: relay.account.address });
    const balance = await client.getBalance({ address: relay.account.address });
    const answer = await post(app, await profileBody(members[9] as Wallet, "Unlucky"));
    expect(answer.status).toBe(200);
    const setBalance = (wei: bigint) =>
      provider().request({ method: "hardhat_setBalance", params: [relay.account.address, `0x${wei.toString(16)}`] });
    await setBalance(1n);
    await submitter.pass();
    expect((await app.inject(`/api/relay/${answer.body.id}`)).json()).toMatchObject({
      status: "failed",
      txHash: null,
      error: "The relay ran out of ETH before it could send this: send it yourself.",
    });
    await setBalance(balance);
    const next = await post(app, await profileBody(members[9] as Wallet, "Lucky"));
    expect(next.status).toBe(200);
    await submitter.pass();
    await submitter.pass();
    await submitter.stop();
    expect((await app.inject(`/api/relay/${next.body.id}`)).json()).toMatchObject({ status: "mined" });
    expect(await nonces()).toEqual([...Array(start + 1).keys()]);
    expect(await nameOf(addressOf(members[9] as Wallet))).toBe("Lucky");
    await app.close();
  });

  it("refuses every bad request with a 4xx, spending nothing and queueing nothing", async () => {
    const submitter = submitterFor(relay);
    const app = await appWith(relay, () => void submitter.pass());
    const balance = await client.getBalance({ address: relay.account.address });
    const stored = await relaysStored();
    const alice = members[0] as Wallet;
    const refusals: [string, number, string][] = [];
    const expectRefused = async (label: string, app_: typeof app, body: unknown, status: number, error: string) => {
      const answer = await post(app_, body);
      refusals.push([label, answer.status, answer.body.error ?? ""]);
      expect(answer.status, label).toBe(status);
      expect(answer.body.error, label).toBe(error);
      expect(typeof answer.body.message, label).toBe("string");
    };

    // Signed by another member than the one named.
    const forged = { ...(await profileBody(members[1] as Wallet, "Forged")), signer: addressOf(alice) };
    forged.message = { ...forged.message, member: addressOf(alice) };
    await expectRefused("bad signature", app, forged, 401, "InvalidSignature");
    // Alice's first profile was relayed and mined: the same signature again, then a nonce signed ahead.
    await expectRefused("replayed nonce", app, mined[0], 409, "NonceUsed");
    await expectRefused("nonce not next", app, await profileBody(alice, "Ahead", { nonce: 99n }), 409, "NonceNotNext");
    const now = (await client.getBlock()).timestamp;
    await expectRefused(
      "expired",
      app,
      await profileBody(alice, "Late", { deadline: now - 1n }),
      400,
      "ExpiredSignature",
    );
    await expectRefused("non-member", app, await profileBody(f.wallets[15] as Wallet, "Stranger"), 403, "NotAMember");
    await expectRefused(
      "unknown action",
      app,
      { ...(await profileBody(alice, "X")), kind: "transfer" },
      400,
      "BadRequest",
    );
    const unknownCollective = { ...(await profileBody(alice, "X")), collective: getAddress(f.deployment.factory) };
    await expectRefused("unknown collective", app, unknownCollective, 404, "UnknownCollective");
    // A vote on a proposal that does not exist: the contract would refuse it.
    const ballot = await signVote(
      { publicClient: client, walletClient: alice },
      { governor: modules.governor, proposalId: 12345n, support: "for" },
    );
    const voteBody = {
      kind: "vote",
      collective: modules.governor,
      signer: addressOf(alice),
      message: { proposalId: "12345", support: 1, voter: addressOf(alice), nonce: ballot.message.nonce.toString() },
      signature: ballot.signature,
    };
    await expectRefused("would revert", app, voteBody, 422, "WouldRevert");
    const quota = await appWith(relayConfig({ memberDaily: 1 }));
    await expectRefused("member quota", quota, await profileBody(alice, "More"), 429, "MemberQuotaReached");
    await quota.close();
    const budget = await appWith(relayConfig({ gasBudgetWei: 1n }));
    await expectRefused("gas budget", budget, await profileBody(alice, "More"), 429, "GasBudgetSpent");
    await budget.close();
    const broke = await appWith(relayConfig({ account: privateKeyToAccount(generatePrivateKey()) }));
    await expectRefused("out of funds", broke, await profileBody(alice, "More"), 402, "RelayerOutOfFunds");
    await broke.close();

    await submitter.pass();
    await submitter.stop();
    expect(await client.getBalance({ address: relay.account.address })).toBe(balance);
    expect(await relaysStored()).toBe(stored);
    expect((await app.inject("/api/relay/rl_00000000000000000000000000000000")).statusCode).toBe(404);
    await app.close();
  });

  it("relays a signed vote, which the proposal counts, telling each status on the live events", async () => {
    const feed = memoryFeed();
    const submitter = new RelaySubmitter({
      db: t.db.db,
      client,
      config: relay,
      chainId: t.indexer.status.chainId,
      log,
      changed: (r) => void feed.publish("relay", r),
    });
    const app = await appOver(t.db, t.indexer, {
      events: feed.events,
      feed,
      relay: relayDesk({
        db: t.db.db,
        client,
        config: relay,
        chainId: () => t.indexer.status.chainId,
        queued: (r) => {
          void feed.publish("relay", r);
          void submitter.pass();
        },
      }),
    });
    await app.listen({ host: "127.0.0.1", port: 0 });
    const address = app.server.address() as AddressInfo;
    const stream = await EventStream.open(
      `http://127.0.0.1:${address.port}/api/events?collective=${modules.governor.toLowerCase()}`,
    );
    const proposer = members[0] as Wallet;
    const proposalId = await propose(
      { ...f, modules } as Fixture,
      proposer,
      quorumProposal(modules, 20n, "Relayed vote"),
    );
    await advance(f, SETTINGS.votingDelay + 1);
    const voter = members[9] as Wallet;
    const ballot = await signVote(
      { publicClient: client, walletClient: voter },
      { governor: modules.governor, proposalId, support: "against", reason: "Not now" },
    );
    const answer = await post(app, {
      kind: "vote",
      collective: modules.governor,
      signer: addressOf(voter),
      message: {
        proposalId: proposalId.toString(),
        support: 0,
        voter: addressOf(voter),
        nonce: ballot.message.nonce.toString(),
        reason: "Not now",
      },
      signature: ballot.signature,
    });
    expect(answer.status).toBe(200);
    await submitter.pass();
    await submitter.stop();
    expect((await app.inject(`/api/relay/${answer.body.id}`)).json()).toMatchObject({ status: "mined", kind: "vote" });
    for (const status of ["queued", "sent", "mined"]) {
      const message = await stream.next((m) => m.event === "relay");
      const data = JSON.parse(message.data ?? "{}") as { id: string; status: string };
      expect(data.id).toBe(answer.body.id);
      expect(data.status).toBe(status);
    }
    stream.close();
    const hasVoted = await client.readContract({
      address: modules.governor,
      abi: [
        {
          type: "function",
          name: "hasVoted",
          stateMutability: "view",
          inputs: [
            { name: "proposalId", type: "uint256" },
            { name: "account", type: "address" },
          ],
          outputs: [{ type: "bool" }],
        },
      ] as const,
      functionName: "hasVoted",
      args: [proposalId, addressOf(voter)],
    });
    expect(hasVoted).toBe(true);
    await app.close();
  });
});
