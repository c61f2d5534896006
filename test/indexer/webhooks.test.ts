/**
 * Outgoing webhooks from a real chain through the indexer to a receiving HTTP server: each entry
 * of the collective's activity (a proposal made, decided, carried out; a member joining) is POSTed
 * once, signed with the subscription's secret, in the receiver's format; a receiver that fails is
 * tried again with backoff until it answers or the delivery is dead; deliveries owed survive a
 * restart; a reorg that replays a proposal in another block and a rebuild of the index deliver
 * nothing twice; a subscription hears nothing from before it was made.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger, loadConfig, startService } from "@rhizome/indexer";
import { sql } from "drizzle-orm";
import { mintSharesProposal } from "@rhizome/contracts";
import { emptyIndex } from "../../apps/indexer/src/store/state.js";
import { readOperatorWebhooks } from "../../apps/indexer/src/webhooks/config.js";
import { syncOperatorWebhooks, WebhookDispatcher } from "../../apps/indexer/src/webhooks/dispatcher.js";
import { webhookSource } from "../../apps/indexer/src/webhooks/source.js";
import { verify } from "../../apps/indexer/src/webhooks/signature.js";
import {
  addressOf,
  advance,
  collectiveFixture,
  propose,
  SETTINGS,
  vote,
  Vote,
  type Fixture,
} from "../helpers/collective.js";
import { freshDatabaseUrl } from "../helpers/database.js";
import { quietLogger } from "../helpers/indexer.js";
import { serveProvider } from "../helpers/rpc-server.js";
import { receiver } from "../helpers/receiver.js";
import { backend, liveIndex, type LiveIndex } from "../api/indexed.js";

describe(`webhooks from the index (${backend})`, () => {
  let f: Fixture;
  let live: LiveIndex;
  let hooks: Awaited<ReturnType<typeof receiver>>;
  let dispatcher: WebhookDispatcher;
  const SECRET = "a-secret-of-the-operator-0123456789";

  const newDispatcher = (options: { maxAttempts?: number } = {}) =>
    new WebhookDispatcher({
      db: live.db.db,
      source: webhookSource(live.db.db),
      publicUrl: "https://rhizome.example",
      maxAttempts: options.maxAttempts ?? 3,
      retryBaseMs: 10,
      timeoutMs: 2_000,
      allowPrivate: true,
      log: quietLogger,
    });
  const configure = async (list: object[]) => {
    const problems: string[] = [];
    const webhooks = readOperatorWebhooks({ WEBHOOKS: JSON.stringify(list) }, problems);
    expect(problems).toEqual([]);
    const head = await f.publicClient.getBlock({ blockTag: "latest" });
    return syncOperatorWebhooks(live.db.db, webhooks, Number(head.timestamp));
  };
  /** Indexes to the head, then runs passes until no delivery is due or `until` holds. */
  const settle = async (d = dispatcher) => {
    await live.indexer.syncToHead();
    await d.pass([f.modules.governor]);
    for (let i = 0; i < 20; i++) {
      const due = await rows<{ n: number }>(
        "SELECT count(*)::int AS n FROM webhook_deliveries WHERE status = 'pending'",
      );
      if (due[0]?.n === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 30));
      await d.pass([]);
    }
  };
  const rows = async <T>(query: string) =>
    ((await live.db.db.execute(sql.raw(query))) as unknown as { rows: T[] }).rows;
  const bodies = (path: string) => hooks.at(path).map((r) => JSON.parse(r.body) as Record<string, unknown>);

  beforeAll(async () => {
    f = await collectiveFixture();
    live = await liveIndex(f);
    hooks = await receiver();
    dispatcher = newDispatcher();
    // History before any webhook: the founders joining, one proposal.
    await propose(f, f.alice, mintSharesProposal(f.modules, addressOf(f.dave), 1n, "# Before the webhook"));
    await live.indexer.syncToHead();
  });
  afterAll(async () => {
    await dispatcher?.stop();
    await hooks?.close();
    await live?.close();
  });

  it("POSTs each new entry once, signed, in Rhizome's JSON, and nothing from before the subscription", async () => {
    await configure([
      { url: `${hooks.url}/json`, secret: SECRET, collective: f.modules.governor },
      { url: `${hooks.url}/discord`, format: "discord", secret: SECRET },
    ]);
    await settle();
    expect(hooks.received).toEqual([]);

    const id = await propose(
      f,
      f.alice,
      mintSharesProposal(f.modules, addressOf(f.dave), 5n, "# Grant Dave 5\n\nFor the garden."),
    );
    await settle();
    const [request] = hooks.at("/json");
    expect(hooks.at("/json")).toHaveLength(1);
    expect(JSON.parse(request?.body ?? "")).toMatchObject({
      id: `proposal:${f.modules.governor}:${id}:created`,
      kind: "proposal-created",
      collective: f.modules.governor,
      title: "New proposal: Grant Dave 5",
      link: `https://rhizome.example/c/${f.modules.governor}/proposals/${id}`,
    });
    const timestamp = Number(request?.headers["x-rhizome-timestamp"]);
    expect(Math.abs(timestamp - Date.now() / 1000)).toBeLessThan(60);
    expect(verify(SECRET, timestamp, request?.body ?? "", String(request?.headers["x-rhizome-signature"]))).toBe(true);
    expect(verify(SECRET, timestamp, `${request?.body} `, String(request?.headers["x-rhizome-signature"]))).toBe(false);
    expect(request?.headers["content-type"]).toBe("application/json");
    // The webhook for every collective heard it too, as Discord takes it, pinging no one.
    expect(bodies("/discord")).toEqual([
      {
        username: "Rhizome",
        content: expect.stringContaining("**New proposal: Grant Dave 5**"),
        allowed_mentions: { parse: [] },
      },
    ]);

    // The votes end: one passes, one is defeated, and the first entry is not sent again.
    await advance(f, SETTINGS.votingDelay + 1);
    await vote(f, f.alice, id, Vote.For);
    await vote(f, f.bob, id, Vote.For);
    await advance(f, SETTINGS.votingPeriod + 1);
    await settle();
    // A proposal made before the subscription is decided after it: that is news too.
    expect(bodies("/json").map((b) => b.title)).toEqual([
      "New proposal: Grant Dave 5",
      "Defeated: Before the webhook",
      "Passed: Grant Dave 5",
    ]);
    expect(bodies("/json")[2]).toMatchObject({ kind: "proposal-passed", summary: expect.stringMatching(/^2 votes: /) });
  });

  it("tries a failing receiver again with backoff, and gives up after the last attempt", async () => {
    await configure([
      { url: `${hooks.url}/flaky`, secret: SECRET, collective: f.modules.governor },
      { url: `${hooks.url}/down`, secret: SECRET, collective: f.modules.governor },
    ]);
    hooks.script.set("/flaky", [500, 503]);
    hooks.script.set("/down", [500, 500, 500, 500, 500]);
    await propose(f, f.bob, mintSharesProposal(f.modules, addressOf(f.eve), 2n, "# Grant Eve 2"));
    await settle();
    expect(hooks.at("/flaky").map(() => "try")).toHaveLength(3);
    expect(hooks.at("/down")).toHaveLength(3);
    const log = await rows<{ path: string; status: string; attempts: number; last_status: number }>(
      `SELECT s.url AS path, d.status, d.attempts, d.last_status FROM webhook_deliveries d
       JOIN webhook_subscriptions s ON s.id = d.subscription_id WHERE s.url LIKE '%/flaky' OR s.url LIKE '%/down'`,
    );
    expect(
      log.map((r) => ({ ...r, path: new URL(r.path).pathname })).sort((a, b) => a.path.localeCompare(b.path)),
    ).toEqual([
      { path: "/down", status: "dead", attempts: 3, last_status: 500 },
      { path: "/flaky", status: "delivered", attempts: 3, last_status: 204 },
    ]);
    // Dead is final: more passes send nothing.
    await dispatcher.pass([]);
    expect(hooks.at("/down")).toHaveLength(3);
    // The old webhooks are no longer in the configuration: inactive, their log kept.
    const active = await rows<{ url: string; active: boolean }>(
      "SELECT url, active FROM webhook_subscriptions ORDER BY url",
    );
    expect(
      active
        .filter((r) => r.active)
        .map((r) => new URL(r.url).pathname)
        .sort(),
    ).toEqual(["/down", "/flaky"]);
  });

  it("delivers what was owed before a restart, after it", async () => {
    await configure([{ url: `${hooks.url}/restart`, secret: SECRET, collective: f.modules.governor }]);
    hooks.script.set("/restart", [500]);
    await propose(f, f.bob, mintSharesProposal(f.modules, addressOf(f.eve), 3n, "# Grant Eve 3"));
    await live.indexer.syncToHead();
    await dispatcher.pass([f.modules.governor]);
    expect(hooks.at("/restart")).toHaveLength(1);
    await dispatcher.stop();
    // A new process: the delivery is still owed, and sent.
    dispatcher = newDispatcher();
    await new Promise((resolve) => setTimeout(resolve, 30));
    await dispatcher.pass([]);
    expect(hooks.at("/restart")).toHaveLength(2);
    expect(bodies("/restart")[1]).toMatchObject({ title: "New proposal: Grant Eve 3" });
  });

  it("delivers nothing twice when a reorg replays a proposal in another block, or the index is rebuilt", async () => {
    await configure([{ url: `${hooks.url}/reorg`, secret: SECRET, collective: f.modules.governor }]);
    const provider = f.connection.provider;
    const actions = mintSharesProposal(f.modules, addressOf(f.dave), 9n, "# Replayed");
    const snapshot = (await provider.request({ method: "evm_snapshot", params: [] })) as string;
    await propose(f, f.carol, actions);
    await settle();
    expect(bodies("/reorg").map((b) => b.title)).toEqual(["New proposal: Replayed"]);
    await provider.request({ method: "evm_revert", params: [snapshot] });
    await provider.request({ method: "evm_mine", params: [] });
    await propose(f, f.carol, actions);
    await provider.request({ method: "evm_mine", params: [] });
    await settle();
    expect(bodies("/reorg").map((b) => b.title)).toEqual(["New proposal: Replayed"]);

    const before = await rows<{ n: number }>("SELECT count(*)::int AS n FROM webhook_deliveries");
    await emptyIndex(live.db.db);
    await live.indexer.init();
    await settle();
    expect(await rows<{ n: number }>("SELECT count(*)::int AS n FROM webhook_deliveries")).toEqual(before);
    expect(bodies("/reorg")).toHaveLength(1);
  });

  it("are sent by the service from WEBHOOKS, with links to PUBLIC_URL", async () => {
    const g = await collectiveFixture();
    const rpc = await serveProvider(g.connection.provider);
    const dir = await mkdtemp(path.join(tmpdir(), "rhizome-webhooks-"));
    const config = loadConfig({
      RPC_URL: rpc.url,
      DATABASE_URL: (await freshDatabaseUrl()) ?? "",
      DATA_DIR: path.join(dir, "db"),
      FACTORY_ADDRESS: g.deployment.factory,
      START_BLOCK: String(g.deployment.startBlock),
      CONFIRMATIONS: "0",
      POLL_INTERVAL_MS: "20",
      PORT: "0",
      LOG_LEVEL: "silent",
      PUBLIC_URL: "https://coop.example",
      WEBHOOKS: JSON.stringify([{ url: `${hooks.url}/service`, format: "slack", secret: SECRET }]),
    });
    const service = await startService(config, createLogger({ level: "silent", secrets: [] }));
    try {
      const indexer = await service.connected;
      await expect.poll(() => indexer.status.caughtUp, { timeout: 30_000 }).toBe(true);
      const id = await propose(g, g.alice, mintSharesProposal(g.modules, addressOf(g.dave), 4n, "# Four <for> Dave"));
      await expect.poll(() => hooks.at("/service").length, { timeout: 30_000 }).toBe(1);
      expect(bodies("/service")).toEqual([
        {
          text: `*New proposal: Four &lt;for&gt; Dave*\n${bodies("/service")[0]?.text?.toString().split("\n")[1]}\n<https://coop.example/c/${g.modules.governor}/proposals/${id}|Open in Rhizome>`,
        },
      ]);
    } finally {
      await service.stop();
      await rpc.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
