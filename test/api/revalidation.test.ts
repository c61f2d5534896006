/**
 * Conditional GETs: an answer carries an ETag and `Cache-Control: no-cache`; asked again with it
 * while the index has not moved, the API answers 304 without a body; once the index moves (a
 * range committed or rolled back), never 304: the fresh answer, whatever the route. Checked over
 * a history of governance steps on every route that reads the collective.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { mintSharesProposal } from "@rhizome/contracts";
import type { Indexer } from "@rhizome/indexer";
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
import { backend, liveIndex, type LiveIndex } from "./indexed.js";

describe(`revalidation (${backend})`, () => {
  let f: Fixture;
  let live: LiveIndex;
  let indexer: Indexer;
  let app: FastifyInstance;

  beforeAll(async () => {
    f = await collectiveFixture();
    live = await liveIndex(f);
    ({ indexer, app } = live);
    await indexer.syncToHead();
  });
  afterAll(async () => {
    await live?.close();
  });

  const routes = () => {
    const base = `/api/collectives/${f.modules.governor}`;
    return [
      "/api/collectives",
      base,
      `${base}/members`,
      `${base}/members/${addressOf(f.alice)}`,
      `${base}/proposals`,
      `${base}/treasury`,
      `${base}/ownership`,
      "/api/network",
    ];
  };

  it("answers 304 while the index stands still, and the fresh answer once it moves", async () => {
    const steps: (() => Promise<unknown>)[] = [
      () => propose(f, f.alice, mintSharesProposal(f.modules, addressOf(f.dave), 7n, "Grant Dave 7")),
      () => advance(f, SETTINGS.votingDelay + 1),
      async () => {
        const [proposal] = (await app.inject(`/api/collectives/${f.modules.governor}/proposals`)).json<{
          items: { proposalId: string }[];
        }>().items;
        await vote(f, f.bob, BigInt(proposal?.proposalId ?? 0), Vote.For);
      },
    ];
    const seen = new Map<string, { etag: string; body: string }>();
    for (const url of routes()) {
      const first = await app.inject(url);
      expect(first.statusCode, url).toBe(200);
      expect(first.headers["cache-control"], url).toBe("no-cache");
      expect(first.headers.etag, url).toMatch(/^W\/".+"$/);
      seen.set(url, { etag: String(first.headers.etag), body: first.body });
      const again = await app.inject({ url, headers: { "if-none-match": String(first.headers.etag) } });
      expect(again.statusCode, url).toBe(304);
      expect(again.body, url).toBe("");
    }
    for (const step of steps) {
      await step();
      await indexer.syncToHead();
      for (const url of routes()) {
        const before = seen.get(url);
        const revalidated = await app.inject({ url, headers: { "if-none-match": before?.etag ?? "" } });
        const fresh = await app.inject(url);
        // Never stale: after the index moved, a 304 would be a promise that nothing changed.
        expect(revalidated.statusCode, url).toBe(200);
        expect(revalidated.body, url).toBe(fresh.body);
        expect(revalidated.headers.etag, url).not.toBe(before?.etag);
        seen.set(url, { etag: String(revalidated.headers.etag), body: revalidated.body });
      }
    }
    // The stream and errors carry no ETag.
    expect(
      (await app.inject("/api/collectives/0x0000000000000000000000000000000000000001")).headers.etag,
    ).toBeUndefined();
  });
});
