/**
 * Conditional GETs for the API: everything /api answers (but the event stream) changes only when
 * the index moves, so each answer carries an ETag naming the index's version in this process (a
 * per-process id and a counter raised by every committed range and every rollback, by a reset of
 * the live feed, and whenever the status' cursor is seen to have moved: an API replica hears of
 * ranges through Postgres, and reads the cursor on a timer in case a notification is lost) and
 * `Cache-Control: no-cache`, which lets a browser or a proxy keep it and ask again with
 * If-None-Match. While the index has not moved, that is answered 304 at once, before any query.
 * A restart or another replica gives other ETags: at worst a full answer, never a stale one.
 */
import { randomBytes } from "node:crypto";
import type { EventEmitter } from "node:events";
import type { FastifyInstance, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import type { IndexerStatus } from "../indexer.js";
import type { Metrics } from "../metrics.js";
import type { IndexerEvents } from "../routes/api/events.js";

export interface RevalidationOptions {
  events?: EventEmitter<IndexerEvents> | undefined;
  /** The index's status, whose cursor moving also makes a new version. */
  status?: (() => IndexerStatus) | undefined;
  metrics?: Metrics | undefined;
  /** Tells the other processes serving the API that off-chain data changed (live/off-index.ts). */
  announceOffIndex?: (() => void) | undefined;
}

/**
 * Routes whose answers follow the index: /api's reads, not its stream or its documentation, nor a
 * route whose answer changes without the index (off-chain data: `config: { offIndex: true }`).
 */
const follows = (request: FastifyRequest) =>
  (request.method === "GET" || request.method === "HEAD") &&
  request.url.startsWith("/api/") &&
  !request.url.startsWith("/api/events") &&
  !request.url.startsWith("/api/docs") &&
  request.routeOptions.config.offIndex !== true;

export default fp<RevalidationOptions>(
  async function revalidation(app: FastifyInstance, options: RevalidationOptions) {
    const process = randomBytes(6).toString("base64url");
    let version = 0;
    const moved = () => void version++;
    options.events?.on("indexed", moved);
    options.events?.on("reorg", moved);
    options.events?.on("reset", moved);
    // Off-chain data that answers from the index show (a thread's comment count) changed here,
    // or, heard from another process, there.
    app.decorate("offIndexChanged", () => {
      moved();
      options.announceOffIndex?.();
    });
    app.decorate("offIndexHeard", moved);
    app.addHook("onClose", async () => {
      options.events?.off("indexed", moved);
      options.events?.off("reorg", moved);
      options.events?.off("reset", moved);
    });
    let cursor = options.status?.().cursor;

    app.addHook("onRequest", async (request, reply) => {
      if (!follows(request)) return;
      const now = options.status?.().cursor;
      if (now !== cursor) {
        cursor = now;
        version++;
      }
      const etag = `W/"${process}.${version}"`;
      const given = request.headers["if-none-match"];
      if (given !== undefined && given.split(",").some((tag) => tag.trim() === etag)) {
        options.metrics?.cache.inc({ result: "hit" });
        return reply.code(304).header("etag", etag).header("cache-control", "no-cache").send();
      }
      options.metrics?.cache.inc({ result: "miss" });
      // Named here, when the answer is made from the index as it is now.
      request.etag = etag;
    });
    app.addHook("onSend", async (request, reply) => {
      if (request.etag === undefined || reply.statusCode !== 200) return;
      void reply.header("etag", request.etag).header("cache-control", "no-cache");
    });
  },
  { name: "revalidation" },
);

declare module "fastify" {
  interface FastifyInstance {
    /** Makes a new version: off-chain data that answers from the index show has changed; tells the other processes. */
    offIndexChanged?: () => void;
    /** Makes a new version: another process said its off-chain data changed. */
    offIndexHeard?: () => void;
  }
  interface FastifyContextConfig {
    /** This route's answers change without the index moving: never revalidated by its version, nor cached. */
    offIndex?: boolean;
  }
  interface FastifyRequest {
    /** The ETag of the index's version this request was answered from. */
    etag?: string;
  }
}
