/**
 * A real indexed database for the API tests: the collective's history built on Hardhat's chain,
 * served over JSON-RPC, indexed into a fresh PGlite (or Postgres with DATABASE_URL), and the
 * app built over it.
 */
import type { FastifyInstance } from "fastify";
import type { DatabaseHandle } from "@rhizome/db";
import { buildApp, type AppOptions, type Indexer } from "@rhizome/indexer";
import { collectiveFixture, type Fixture } from "../helpers/collective.js";
import { buildHistory } from "../helpers/history.js";
import { freshDatabase, indexerFor } from "../helpers/indexer.js";
import { serveProvider, type RpcServer } from "../helpers/rpc-server.js";

export const backend = process.env.DATABASE_URL ? "Postgres" : "PGlite";

export interface Indexed extends LiveIndex {
  f: Fixture;
  history: Awaited<ReturnType<typeof buildHistory>>;
}

/** The API over `db`, live from `indexer`'s events (no rate limit to speak of unless asked). */
export function appOver(db: DatabaseHandle, indexer: Indexer, options: Partial<AppOptions> = {}) {
  return buildApp({
    db: db.db,
    status: () => indexer.status,
    events: indexer,
    corsOrigins: "*",
    rateLimit: 1_000_000,
    ...options,
  });
}

/** A chain served over JSON-RPC, an indexer of it on a fresh database, and the app over that. */
export interface LiveIndex {
  rpc: RpcServer;
  db: DatabaseHandle;
  indexer: Indexer;
  app: FastifyInstance;
  close(): Promise<void>;
}

/**
 * `f`'s chain served over JSON-RPC and indexed into a fresh database (initialised, not yet
 * synced: the test decides when), with the app over it.
 */
export async function liveIndex(f: Fixture, options: Partial<AppOptions> = {}): Promise<LiveIndex> {
  const rpc = await serveProvider(f.connection.provider);
  const db = await freshDatabase();
  const indexer = indexerFor(db, f, rpc.url);
  await indexer.init();
  const app = await appOver(db, indexer, options);
  return {
    rpc,
    db,
    indexer,
    app,
    async close() {
      await app.close();
      await db.close();
      await rpc.close();
    },
  };
}

/** The fixture's history, indexed, and the app over it (no rate limit to speak of unless asked). */
export async function indexedApp(options: Partial<AppOptions> = {}): Promise<Indexed> {
  const f = await collectiveFixture();
  const history = await buildHistory(f);
  const live = await liveIndex(f, options);
  await live.indexer.syncToHead();
  return { f, history, ...live };
}

/** GETs `url` and returns the status and the parsed JSON body. */
export async function get<T = Record<string, unknown>>(
  app: FastifyInstance,
  url: string,
): Promise<{ status: number; body: T; headers: Record<string, unknown> }> {
  const response = await app.inject({ method: "GET", url });
  return { status: response.statusCode, body: response.json<T>(), headers: response.headers };
}

/** Every route the API serves, as the OpenAPI document writes them. */
export const ROUTES = [
  "/healthz",
  "/readyz",
  "/api/collectives",
  "/api/collectives/{address}",
  "/api/collectives/{address}/members",
  "/api/collectives/{address}/members/{account}",
  "/api/collectives/{address}/members/{account}/shares",
  "/api/collectives/{address}/members/{account}/votes",
  "/api/collectives/{address}/members/{account}/work",
  "/api/collectives/{address}/members/{account}/delegations",
  "/api/collectives/{address}/members/{account}/for-votes",
  "/api/collectives/{address}/names",
  "/api/collectives/{address}/proposals",
  "/api/collectives/{address}/proposals/{proposalId}",
  "/api/collectives/{address}/proposals/{proposalId}/votes",
  "/api/collectives/{address}/work",
  "/api/collectives/{address}/work/{workId}",
  "/api/collectives/{address}/work/{workId}/objections",
  "/api/collectives/{address}/applications",
  "/api/collectives/{address}/treasury",
  "/api/collectives/{address}/treasury/balances",
  "/api/collectives/{address}/treasury/flows",
  "/api/collectives/{address}/treasury/ragequits",
  "/api/collectives/{address}/ownership",
  "/api/collectives/{address}/ownership/holders",
  "/api/collectives/{address}/ownership/history",
  "/api/collectives/{address}/feed.atom",
  "/api/collectives/{address}/threads/{kind}/{id}/comments",
  "/api/collectives/{address}/threads/{kind}/{id}/comments/{comment}",
  "/api/network",
  "/api/chain",
  "/api/events",
  "/api/accounts/{address}/inbox",
  "/api/accounts/{address}/inbox.atom",
  "/api/accounts/{address}/webhooks",
  "/api/accounts/{address}/webhooks/{id}",
  "/api/webhooks/{id}",
  "/api/relay",
  "/api/relay/{id}",
];
