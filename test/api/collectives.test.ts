import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseEther } from "viem";
import type { Api } from "@rhizome/client";
import { buildApp } from "@rhizome/indexer";
import { addressOf, PRINCIPLES, SETTINGS } from "../helpers/collective.js";
import { backend, get, indexedApp, ROUTES, type Indexed } from "./indexed.js";

describe(`the API's collectives, network, health and docs (${backend})`, () => {
  let t: Indexed;
  let rizom: string;
  let mycel: string;

  beforeAll(async () => {
    t = await indexedApp();
    rizom = t.f.modules.governor;
    mycel = t.history.mycel.modules.governor;
  });
  afterAll(async () => {
    await t?.close();
  });

  it("lists both collectives, biggest first, with principles and counts", async () => {
    const { status, body } = await get<Api.Page<Api.CollectiveSummary>>(t.app, "/api/collectives");
    expect(status).toBe(200);
    expect(body.next).toBeNull();
    expect(body.items.map((c) => [c.name, c.memberCount, c.totalShares, c.proposalCount, c.workCount])).toEqual([
      ["Rizom", 5, "1050", 5, 1],
      ["Mycel", 1, "10", 1, 0],
    ]);
    expect(body.items[0]?.principles).toEqual(PRINCIPLES.map((name, index) => ({ index, name })));
    expect(body.items[0]).toMatchObject({ address: rizom, symbol: "RZM", creator: addressOf(t.f.alice) });
  });

  it("searches by name in any case and sorts newest first", async () => {
    const found = await get<Api.Page<Api.CollectiveSummary>>(t.app, "/api/collectives?q=yCE");
    expect(found.body.items.map((c) => c.address)).toEqual([mycel]);
    // LIKE's wildcards are taken literally.
    const none = await get<Api.Page<Api.CollectiveSummary>>(t.app, `/api/collectives?q=${encodeURIComponent("%")}`);
    expect(none.body.items).toEqual([]);
    const newest = await get<Api.Page<Api.CollectiveSummary>>(t.app, "/api/collectives?sort=newest");
    expect(newest.body.items.map((c) => c.name)).toEqual(["Mycel", "Rizom"]);
  });

  it("pages with a cursor until next is null, in both sorts", async () => {
    for (const sort of ["size", "newest"]) {
      const first = await get<Api.Page<Api.CollectiveSummary>>(t.app, `/api/collectives?sort=${sort}&limit=1`);
      expect(first.body.items).toHaveLength(1);
      expect(first.body.next).toEqual(expect.any(String));
      const second = await get<Api.Page<Api.CollectiveSummary>>(
        t.app,
        `/api/collectives?sort=${sort}&limit=1&cursor=${first.body.next}`,
      );
      expect(second.body.items).toHaveLength(1);
      expect(second.body.items[0]?.address).not.toBe(first.body.items[0]?.address);
      expect(second.body.next).toBeNull();
    }
    // A cursor of one sort is refused by the other.
    const first = await get<Api.Page<Api.CollectiveSummary>>(t.app, "/api/collectives?sort=size&limit=1");
    const mixed = await get(t.app, `/api/collectives?sort=newest&cursor=${first.body.next}`);
    expect(mixed.status).toBe(400);
    expect(mixed.body).toEqual({ error: "BadRequest", message: expect.stringContaining("cursor") });
  });

  it("refuses a page size over 200 or under 1 with a 400 naming the field", async () => {
    for (const limit of ["201", "0", "-1", "1.5", "ten", "Infinity", "-Infinity", "1e400"]) {
      const { status, body } = await get(t.app, `/api/collectives?limit=${limit}`);
      expect(status).toBe(400);
      expect(body).toEqual({ error: "BadRequest", message: expect.stringContaining("query parameter limit") });
    }
    expect((await get(t.app, "/api/collectives?limit=200")).status).toBe(200);
  });

  it("shows one collective, found by its address in any case, with settings and key numbers", async () => {
    const { status, body } = await get<Api.CollectiveDetail>(t.app, `/api/collectives/${rizom.toLowerCase()}`);
    expect(status).toBe(200);
    const ethLeft = parseEther("9") - (parseEther("9") * 50n) / 1080n;
    expect(body).toMatchObject({
      address: rizom,
      name: "Rizom",
      factoryId: "0",
      principles: PRINCIPLES.map((name, index) => ({ index, name })),
      settings: { ...SETTINGS, proposalThreshold: "10" },
      modules: {
        governor: rizom,
        shares: t.f.modules.shares,
        timelock: t.f.modules.timelock,
        treasury: t.f.modules.treasury,
        work: t.f.modules.work,
      },
      stats: {
        members: 5,
        totalShares: "1050",
        treasuryEth: ethLeft.toString(),
        proposals: 5,
        openProposals: 0,
        work: 1,
        openWork: 0,
      },
    });
  });

  it("answers 404 for an unknown collective on every route under it", async () => {
    const unknown = "0x000000000000000000000000000000000000dEaD";
    for (const path of ["", "/members", "/proposals", "/work", "/applications", "/treasury", "/ownership"]) {
      const { status, body } = await get(t.app, `/api/collectives/${unknown}${path}`);
      expect(status).toBe(404);
      expect(body).toEqual({ error: "NotFound", message: `No collective has the address ${unknown}.` });
    }
  });

  it("says which chain it follows and which factory creates the collectives it indexes", async () => {
    const app = await buildApp({
      db: t.db.db,
      status: () => t.indexer.status,
      corsOrigins: "*",
      rateLimit: 1_000,
      factory: t.f.deployment.factory,
    });
    try {
      const { status, body } = await get<Api.ChainInfo>(app, "/api/chain");
      expect(status).toBe(200);
      expect(body).toEqual({ chainId: 31337, factory: t.f.deployment.factory });
    } finally {
      await app.close();
    }
    // Started without a factory, the service says so rather than guess.
    const { status, body } = await get(t.app, "/api/chain");
    expect(status).toBe(404);
    expect(body).toEqual({ error: "NotFound", message: "This service was started without a factory address." });
  });

  it("draws the network: both collectives, and Mycel a member of Rizom with 20 shares", async () => {
    const { status, body } = await get<Api.Network>(t.app, "/api/network");
    expect(status).toBe(200);
    expect(body.nodes.map((n) => [n.address, n.name, n.timelock])).toEqual([
      [rizom, "Rizom", t.f.modules.timelock],
      [mycel, "Mycel", t.history.mycel.modules.timelock],
    ]);
    expect(body.edges).toEqual([{ from: mycel, to: rizom, shares: "20", share: 20 / 1050 }]);
  });

  it("answers health and readiness from the database and the indexer's status", async () => {
    expect(await get(t.app, "/healthz")).toMatchObject({ status: 200, body: { ok: true } });
    const ready = await get(t.app, "/readyz");
    expect(ready).toMatchObject({
      status: 200,
      body: { ready: true, lag: 0, head: t.indexer.status.head, cursor: t.indexer.status.head, chainId: 31337 },
    });
    const behind = await buildApp({
      db: t.db.db,
      status: () => ({ ...t.indexer.status, cursor: 10, lag: t.indexer.status.head - 10, caughtUp: false }),
      corsOrigins: "*",
      rateLimit: 100,
    });
    const notReady = await get(behind, "/readyz");
    expect(notReady).toMatchObject({
      status: 503,
      body: { ready: false, lag: t.indexer.status.head - 10, cursor: 10 },
    });
    await behind.close();
  });

  it("answers unknown routes with a 404 in the error shape", async () => {
    for (const url of ["/api/nothing", "/api/collectives/x/y/z/w", "/"]) {
      const { status, body } = await get(t.app, url);
      expect(status).toBe(404);
      expect(body).toEqual({ error: "NotFound", message: expect.stringContaining("No route GET") });
    }
    const post = await t.app.inject({ method: "POST", url: "/api/collectives" });
    expect(post.statusCode).toBe(404);
  });

  it("sends security headers and the configured CORS origins", async () => {
    const open = await t.app.inject({ url: "/api/network", headers: { origin: "https://any.example" } });
    expect(open.headers).toMatchObject({
      "access-control-allow-origin": "*",
      "x-content-type-options": "nosniff",
      "x-frame-options": "SAMEORIGIN",
      "strict-transport-security": expect.any(String),
      "content-security-policy": expect.stringContaining("default-src 'self'"),
    });
    const restricted = await buildApp({
      db: t.db.db,
      status: () => t.indexer.status,
      corsOrigins: ["https://rhizome.example"],
      rateLimit: 100,
    });
    const allowed = await restricted.inject({ url: "/api/network", headers: { origin: "https://rhizome.example" } });
    expect(allowed.headers["access-control-allow-origin"]).toBe("https://rhizome.example");
    const refused = await restricted.inject({ url: "/api/network", headers: { origin: "https://evil.example" } });
    expect(refused.headers["access-control-allow-origin"]).toBeUndefined();
    await restricted.close();
  });

  it("limits requests per client and minute with a 429 in the error shape", async () => {
    const limited = await buildApp({ db: t.db.db, status: () => t.indexer.status, corsOrigins: "*", rateLimit: 2 });
    expect((await get(limited, "/api/network")).status).toBe(200);
    expect((await get(limited, "/api/collectives")).status).toBe(200);
    const third = await get(limited, "/api/network");
    expect(third.status).toBe(429);
    expect(third.body).toEqual({ error: "TooManyRequests", message: expect.stringContaining("at most 2 a minute") });
    expect(third.headers["retry-after"]).toBeDefined();
    // Unknown routes count too, and answer in the same shape once over.
    expect((await get(limited, "/api/nothing")).body).toMatchObject({ error: "TooManyRequests" });
    // Another client is not limited.
    const other = await limited.inject({ url: "/api/network", remoteAddress: "10.0.0.2" });
    expect(other.statusCode).toBe(200);
    // Probes are not limited.
    expect((await get(limited, "/healthz")).status).toBe(200);
    await limited.close();
  });

  it("publishes an OpenAPI 3 document listing every route with its schemas", async () => {
    const { status, body } = await get<{
      openapi: string;
      paths: Record<
        string,
        Partial<
          Record<
            "get" | "post" | "delete",
            { parameters?: { name: string; in: string }[]; responses: Record<string, unknown> }
          >
        >
      >;
    }>(t.app, "/api/docs/json");
    expect(status).toBe(200);
    expect(body.openapi).toMatch(/^3\./);
    expect(Object.keys(body.paths).sort()).toEqual([...ROUTES].sort());
    for (const [path, item] of Object.entries(body.paths)) {
      // Every path is read, but those that take signed requests (written to, not read).
      const operations = [item.get, item.post, item.delete].filter((o) => o !== undefined);
      expect(operations.length, path).toBeGreaterThan(0);
      for (const operation of operations) {
        expect(operation.responses["200"], path).toBeDefined();
        for (const name of path.match(/\{(\w+)\}/g) ?? []) {
          expect(
            operation.parameters?.some((p) => p.in === "path" && `{${p.name}}` === name),
            `${path} ${name}`,
          ).toBe(true);
        }
        if (path.startsWith("/api/collectives")) expect(operation.responses["400"], path).toBeDefined();
      }
    }
    const members = body.paths["/api/collectives/{address}/members"]?.get;
    expect(members?.parameters?.map((p) => `${p.in}:${p.name}`).sort()).toEqual([
      "path:address",
      "query:active",
      "query:cursor",
      "query:limit",
      "query:q",
    ]);
  });

  it("serves the Swagger UI page at /api/docs under a policy that lets its own scripts run", async () => {
    const page = await t.app.inject({ url: "/api/docs/" });
    expect(page.statusCode).toBe(200);
    expect(page.headers["content-type"]).toContain("text/html");
    expect(page.body).toContain("swagger-ui-bundle.js");
    expect(page.headers["content-security-policy"]).toContain("script-src 'self'");
    // Served over plain HTTP in embedded mode: the page's scripts must not be sent to https.
    expect(page.headers["content-security-policy"]).not.toContain("upgrade-insecure-requests");
    const script = await t.app.inject({ url: "/api/docs/static/swagger-initializer.js" });
    expect(script.statusCode).toBe(200);
    expect(script.body).toContain("resolveUrl('./json')");
  });
});
