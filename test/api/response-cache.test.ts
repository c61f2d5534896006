/**
 * The API's cache of answers by version of the index: a second identical GET is answered from it
 * (its hits counted), many asking at once get one answer made once, a committed range empties it, and over a history of governance steps the
 * cached API never answers otherwise than the same API without a cache, on every route that reads
 * the collective. It sits below the revalidation (304s come first) and is bounded.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { mintSharesProposal } from "@rhizome/contracts";
import { createMetrics, type Indexer, type Metrics } from "@rhizome/indexer";
import {
  addressOf,
  advance,
  collectiveFixture,
  propose,
  SETTINGS,
  vote,
  Vote,
  waitFor,
  type Fixture,
} from "../helpers/collective.js";
import { appOver, backend, liveIndex, type LiveIndex } from "./indexed.js";

const count = async (metric: { get(): Promise<{ values: { value: number }[] }> }) =>
  (await metric.get()).values[0]?.value ?? 0;

describe(`the response cache (${backend})`, () => {
  let f: Fixture;
  let live: LiveIndex;
  let indexer: Indexer;
  let app: FastifyInstance;
  /** The same API over the same database, without a cache: what the cached one must answer. */
  let plain: FastifyInstance;
  let metrics: Metrics;

  beforeAll(async () => {
    f = await collectiveFixture();
    let status = () => live.indexer.status;
    metrics = createMetrics({ status: () => status() });
    live = await liveIndex(f, { responseCache: { maxEntries: 1_000, maxBytes: 16 * 1024 * 1024 }, metrics });
    ({ indexer, app } = live);
    status = () => indexer.status;
    plain = await appOver(live.db, indexer);
    await indexer.syncToHead();
  });
  afterAll(async () => {
    await plain?.close();
    await live?.close();
  });

  const routes = () => {
    const base = `/api/collectives/${f.modules.governor}`;
    return [
      "/api/collectives",
      "/api/collectives?sort=newest&limit=1",
      base,
      `${base}/members`,
      `${base}/members/${addressOf(f.alice)}`,
      `${base}/members/${addressOf(f.alice)}/votes`,
      `${base}/proposals`,
      `${base}/applications?status=open`,
      `${base}/treasury`,
      `${base}/ownership`,
      "/api/network",
      "/api/chain",
    ];
  };

  it("answers a second identical GET from the cache, with the same body and headers", async () => {
    const url = `/api/collectives/${f.modules.governor}`;
    const [hits, misses] = [await count(metrics.responseCache.hits), await count(metrics.responseCache.misses)];
    const first = await app.inject(url);
    const second = await app.inject({ url, headers: { origin: "https://a.example" } });
    expect(first.statusCode).toBe(200);
    expect(second.statusCode).toBe(200);
    expect(second.body).toBe(first.body);
    expect(second.headers["content-type"]).toBe(first.headers["content-type"]);
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(second.headers["cache-control"]).toBe("no-cache");
    // Set for each request, not kept with the answer.
    expect(second.headers["access-control-allow-origin"]).toBe("*");
    expect(second.headers["x-ratelimit-remaining"]).toBeDefined();
    expect(await count(metrics.responseCache.hits)).toBe(hits + 1);
    expect(await count(metrics.responseCache.misses)).toBe(misses + 1);
    // Another query string is another answer.
    await app.inject(`${url}/members?limit=7`);
    await app.inject(`${url}/members?limit=8`);
    expect(await count(metrics.responseCache.misses)).toBe(misses + 3);
    const scraped = await metrics.registry.metrics();
    expect(scraped).toMatch(/^rhizome_http_cache_hits_total \d+/m);
    expect(scraped).toMatch(/^rhizome_http_cache_entries [1-9]\d*/m);
  });

  it("answers 304 before the cache is asked, and keeps no error", async () => {
    const url = "/api/collectives";
    const first = await app.inject(url);
    const hits = await count(metrics.responseCache.hits);
    const misses = await count(metrics.responseCache.misses);
    const revalidated = await app.inject({ url, headers: { "if-none-match": String(first.headers.etag) } });
    expect(revalidated.statusCode).toBe(304);
    expect(await count(metrics.responseCache.hits)).toBe(hits);
    const missing = `/api/collectives/0x0000000000000000000000000000000000000001`;
    expect((await app.inject(missing)).statusCode).toBe(404);
    expect((await app.inject(missing)).statusCode).toBe(404);
    expect(await count(metrics.responseCache.misses)).toBe(misses + 2);
    // HEAD and the event stream are not cached.
    expect((await app.inject({ method: "HEAD", url })).statusCode).toBe(200);
    expect(await count(metrics.responseCache.hits)).toBe(hits);
  });

  it("forgets every answer once a range is committed", async () => {
    const url = `/api/collectives/${f.modules.governor}/applications?status=open`;
    const before = await app.inject(url);
    expect((await app.inject(url)).body).toBe(before.body);
    await waitFor(f, f.as(f.dave).shares.write.applyForMembership([5n, "Cache me if you can"]));
    // Not yet indexed: the index has not moved, and neither has the answer.
    expect((await app.inject(url)).body).toBe(before.body);
    const misses = await count(metrics.responseCache.misses);
    await indexer.syncToHead();
    const after = await app.inject(url);
    expect(await count(metrics.responseCache.misses)).toBe(misses + 1);
    expect(after.body).not.toBe(before.body);
    expect(after.json<{ items: { pitch: string }[] }>().items.map((a) => a.pitch)).toContain("Cache me if you can");
    expect(after.headers.etag).not.toBe(before.headers.etag);
  });

  it("makes an answer asked by many at once a single time, and gives it to all of them", async () => {
    await waitFor(f, f.as(f.eve).shares.write.applyForMembership([4n, "Everyone look"]));
    await indexer.syncToHead();
    const url = `/api/collectives/${f.modules.governor}/applications?status=open`;
    const [hits, misses] = [await count(metrics.responseCache.hits), await count(metrics.responseCache.misses)];
    const answers = await Promise.all(Array.from({ length: 20 }, () => app.inject(url)));
    expect(answers.map((answer) => answer.statusCode)).toEqual(answers.map(() => 200));
    expect(new Set(answers.map((answer) => answer.body)).size).toBe(1);
    expect(answers[0]?.json<{ items: { pitch: string }[] }>().items.map((a) => a.pitch)).toContain("Everyone look");
    expect(await count(metrics.responseCache.misses)).toBe(misses + 1);
    expect(await count(metrics.responseCache.hits)).toBe(hits + 19);
    // An answer that is not kept (a 404) is made by each request, none left waiting.
    const missing = `/api/collectives/0x0000000000000000000000000000000000000002`;
    const refused = await Promise.all(Array.from({ length: 5 }, () => app.inject(missing)));
    expect(refused.map((answer) => answer.statusCode)).toEqual([404, 404, 404, 404, 404]);
  });

  it("never answers otherwise than the API without a cache, over a history of governance steps", async () => {
    const steps: (() => Promise<unknown>)[] = [
      () => propose(f, f.alice, mintSharesProposal(f.modules, addressOf(f.dave), 7n, "Grant Dave 7")),
      () => advance(f, SETTINGS.votingDelay + 1),
      async () => {
        const [proposal] = (await app.inject(`/api/collectives/${f.modules.governor}/proposals`)).json<{
          items: { proposalId: string }[];
        }>().items;
        await vote(f, f.bob, BigInt(proposal?.proposalId ?? 0), Vote.For);
      },
      () => advance(f, SETTINGS.votingPeriod + 1),
    ];
    const compare = async () => {
      for (const url of routes()) {
        const expected = (await plain.inject(url)).body;
        // Twice: made (or kept from before), then surely from the cache.
        expect((await app.inject(url)).body, url).toBe(expected);
        expect((await app.inject(url)).body, url).toBe(expected);
      }
    };
    await compare();
    for (const step of steps) {
      await step();
      // The chain moved, the index did not: nothing changed for either.
      await compare();
      await indexer.syncToHead();
      await compare();
    }
  });

  it("follows the status' cursor too, and stays within its bounds", async () => {
    let cursor = 0;
    const small = await appOver(live.db, indexer, {
      status: () => ({ ...indexer.status, cursor }),
      responseCache: { maxEntries: 2, maxBytes: 1024 * 1024 },
      metrics,
      events: undefined,
    });
    try {
      const [a, b, c] = routes();
      const misses = async (url: string) => {
        const before = await count(metrics.responseCache.misses);
        await small.inject(url ?? "");
        return (await count(metrics.responseCache.misses)) - before;
      };
      expect(await misses(a ?? "")).toBe(1);
      expect(await misses(a ?? "")).toBe(0);
      // No event at all: the cursor moving is enough.
      cursor++;
      expect(await misses(a ?? "")).toBe(1);
      expect(await misses(b ?? "")).toBe(1);
      expect(await misses(c ?? "")).toBe(1);
      // Two answers kept at most: the least recently used went.
      expect(await misses(c ?? "")).toBe(0);
      expect(await misses(a ?? "")).toBe(1);
    } finally {
      await small.close();
    }
  });
});
