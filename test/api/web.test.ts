/** The service serves the web client's build beside the API, same origin. */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import type { DatabaseHandle } from "@rhizome/db";
import { buildApp } from "@rhizome/indexer";
import { freshDatabase } from "../helpers/indexer.js";

describe("the web client beside the API", () => {
  let dir: string;
  let db: DatabaseHandle;
  let app: FastifyInstance;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "rhizome-web-"));
    await writeFile(path.join(dir, "index.html"), "<!doctype html><title>Rhizome</title><div id=root></div>");
    await writeFile(path.join(dir, "app.js"), "console.log('rhizome')");
    db = await freshDatabase();
    const status = { chainId: 31337, head: 0, cursor: 0, finalized: 0, lag: 0, caughtUp: true, events: 0 };
    app = await buildApp({ db: db.db, status: () => status, corsOrigins: "*", rateLimit: 1_000, webRoot: dir });
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("serves the build's files and index.html for the client's own routes", async () => {
    const home = await app.inject({ url: "/" });
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain("<title>Rhizome</title>");
    const script = await app.inject({ url: "/app.js" });
    expect(script.body).toBe("console.log('rhizome')");
    expect(script.headers["content-type"]).toMatch(/javascript/);
    const page = await app.inject({ url: "/collectives/0x23dB4a08f2272df049a4932a4Cc3A6Dc1002B33E/proposals" });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("<div id=root>");
  });

  it("keeps the API's JSON answers, 404s included", async () => {
    const missing = await app.inject({ url: "/api/nothing-here" });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ error: "NotFound" });
    expect((await app.inject({ url: "/api/collectives" })).json()).toEqual({ items: [], next: null });
    expect((await app.inject({ url: "/healthz" })).statusCode).toBe(200);
  });
});
