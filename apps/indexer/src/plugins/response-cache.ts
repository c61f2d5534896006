/**
 * The API's answers kept in memory per version of the index: everything GET /api answers (but
 * the event stream and the documentation) changes only when the index moves, so an answer made
 * once is given again, without a query, to every client that asks the same URL until it does.
 * The version is the one the revalidation plugin names each request with (its ETag): a request
 * of a newer version than the cache's empties it, and an answer is only kept if the version it
 * was made at is still the cache's. An answer made while the index moved is of the version after
 * the one it is kept under, never older: the index only moves forward between two versions.
 *
 * It sits below the revalidation (a client that already holds the version gets its 304 first)
 * and in front of the routes: after validation and the rate limit, before the routes' own hooks.
 * Only 200s are kept, by URL (the query string included), with their content type: the headers
 * that depend on the client (CORS, the rate limit's) are set for each request as ever. Bounded by
 * entries and bytes, the least recently used going first.
 * Requests for a URL whose answer is being made (every member opening the page after a block)
 * wait for that one answer rather than each running the same queries; they count as hits. A
 * request whose wait ends without an answer to keep (an error, a client gone) makes its own.
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import type { Metrics } from "../metrics.js";

export interface ResponseCacheOptions {
  /** Answers kept at most. */
  maxEntries: number;
  /** Bytes of answers kept at most; an answer larger than a tenth of it is not kept. */
  maxBytes: number;
  metrics?: Metrics | undefined;
}

interface Answer {
  contentType: string;
  body: string;
  bytes: number;
}

/** An answer being made, and how to hand it to those who wait for it (undefined: make your own). */
interface Making {
  promise: Promise<Answer | undefined>;
  resolve(answer: Answer | undefined): void;
}

/** Least recently used first: a Map keeps its keys in the order they were (re)inserted. */
class Lru {
  private readonly answers = new Map<string, Answer>();
  bytes = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly maxBytes: number,
  ) {}

  get size(): number {
    return this.answers.size;
  }

  get(key: string): Answer | undefined {
    const answer = this.answers.get(key);
    if (answer) {
      this.answers.delete(key);
      this.answers.set(key, answer);
    }
    return answer;
  }

  set(key: string, answer: Answer): void {
    if (answer.bytes > this.maxBytes / 10) return;
    this.delete(key);
    this.answers.set(key, answer);
    this.bytes += answer.bytes;
    for (const oldest of this.answers.keys()) {
      if (this.answers.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.delete(oldest);
    }
  }

  clear(): void {
    this.answers.clear();
    this.bytes = 0;
  }

  private delete(key: string): void {
    const answer = this.answers.get(key);
    if (!answer) return;
    this.answers.delete(key);
    this.bytes -= answer.bytes;
  }
}

export default fp<ResponseCacheOptions>(
  async function responseCache(app: FastifyInstance, options: ResponseCacheOptions) {
    const cache = new Lru(options.maxEntries, options.maxBytes);
    const counters = options.metrics?.responseCache;
    const measure = () => {
      counters?.entries.set(cache.size);
      counters?.bytes.set(cache.bytes);
    };
    /** The version of the index the kept answers were made at: the revalidation's ETag. */
    let version: string | undefined;
    /** Answers being made at `version`, by URL: what later requests for them wait for. */
    const making = new Map<string, Making>();
    /** Ends the wait on `request`'s answer, with it or without one, once. */
    const settle = (request: FastifyRequest, answer?: Answer) => {
      const made = request.making;
      if (!made) return;
      request.making = undefined;
      if (making.get(request.url) === made) making.delete(request.url);
      made.resolve(answer);
    };

    app.addHook("preHandler", async (request, reply) => {
      // Named by the revalidation for the routes that follow the index, GET and HEAD; HEAD's
      // answer has no body to keep.
      if (request.etag === undefined || request.method !== "GET") return;
      if (request.etag !== version) {
        cache.clear();
        making.clear();
        version = request.etag;
        measure();
      }
      let kept = cache.get(request.url);
      const inMaking = kept ? undefined : making.get(request.url);
      if (inMaking) {
        kept = await inMaking.promise;
        // The index moved while this request waited: its answer is the newer version's to make.
        if (request.etag !== version) kept = undefined;
      }
      if (!kept) {
        counters?.misses.inc();
        request.keepAnswer = true;
        if (!making.has(request.url)) {
          let resolve: Making["resolve"] = () => {};
          const promise = new Promise<Answer | undefined>((done) => (resolve = done));
          request.making = { promise, resolve };
          making.set(request.url, request.making);
        }
        return;
      }
      counters?.hits.inc();
      return reply.code(200).type(kept.contentType).send(kept.body);
    });

    app.addHook("onSend", async (request, reply, payload) => {
      if (!request.keepAnswer) return;
      const contentType = reply.getHeader("content-type");
      if (reply.statusCode !== 200 || typeof payload !== "string" || typeof contentType !== "string") {
        settle(request);
        return;
      }
      const answer = { contentType, body: payload, bytes: Buffer.byteLength(payload) };
      if (request.etag === version) {
        cache.set(request.url, answer);
        measure();
      }
      settle(request, request.etag === version ? answer : undefined);
    });
    // Never left waiting: a request that ends without sending (an error, a client gone) lets the
    // others make their own answers.
    app.addHook("onResponse", async (request) => settle(request));
    app.addHook("onRequestAbort", async (request) => settle(request));
  },
  { name: "response-cache", dependencies: ["revalidation"] },
);

declare module "fastify" {
  interface FastifyRequest {
    /** This request's answer is to be kept in the response cache once made. */
    keepAnswer?: boolean;
    /** The wait of other requests for this one's answer, ended when it is made. */
    making?: Making | undefined;
  }
}
