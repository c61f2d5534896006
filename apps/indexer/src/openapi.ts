/**
 * The API's OpenAPI document, as the service serves it at /api/docs/json, built without a chain:
 * over an empty in-memory database, with the JSON-RPC relay on so that its route is described.
 * `npm run openapi` writes it to apps/indexer/openapi.json, which a test keeps current and lints.
 */
import { openDatabase } from "@rhizome/db";
import { buildApp } from "./app.js";
import { startingStatus } from "./indexer.js";

export async function openApiDocument(): Promise<object> {
  const handle = await openDatabase({});
  try {
    const app = await buildApp({
      db: handle.db,
      status: () => startingStatus(),
      corsOrigins: "*",
      rateLimit: 1,
      rpcUrl: "http://127.0.0.1:8545",
    });
    try {
      await app.ready();
      return app.swagger() as object;
    } finally {
      await app.close();
    }
  } finally {
    await handle.close();
  }
}
