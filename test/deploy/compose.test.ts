/**
 * The deployment files (Dockerfile, compose.yaml, deploy/nginx.conf) against the code they deploy:
 * every variable they give the service is one it reads, and each service's settings are accepted,
 * in the role it is meant to have; nginx reaches the replicas where they listen, streams
 * /api/events unbuffered and keeps /metrics private; the replicas believe X-Forwarded-For from the
 * compose proxy only; the image runs what `npm run serve` runs, on the Node major package.json asks
 * for, with tsx and what it needs, and its HEALTHCHECK tells a running service from a stopped one.
 * Where a Docker daemon answers, the image is built and run too; elsewhere (this project's machines
 * and CI have the docker CLI but no daemon) that one case is skipped, saying so.
 */
import { execFile, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@rhizome/db";
import { buildApp, loadConfig, type Config } from "@rhizome/indexer";
import { freshDatabase } from "../helpers/indexer.js";
import {
  execForm,
  findDirectives,
  instructions,
  loadCompose,
  nginxSeconds,
  parseCopy,
  parseDockerfile,
  parseNginx,
  read,
  root,
  serviceEnv,
  serviceNetworks,
  stageEnv,
  type ComposeFile,
  type ComposeService,
  type Stage,
} from "./deployment-files.js";

const run = promisify(execFile);

/** The variables an operator sets, in the two ways compose.yaml's header describes. */
const SCENARIOS: Record<string, Record<string, string>> = {
  "against a provider": {
    POSTGRES_PASSWORD: "a-long-random-password",
    RPC_URL: "https://eth-mainnet.example/v2/a-key",
    FACTORY_ADDRESS: "0x5FC8d32690cc91D4c39d9d3abcBD16989F875707",
    START_BLOCK: "19000000",
    LOG_LEVEL: "warn",
  },
  "with the local profile's chain": { POSTGRES_PASSWORD: "a-long-random-password" },
};

/** The role each service runs in: one writer, read-only replicas. */
const ROLES = { indexer: "indexer", api: "api" };

const stages = parseDockerfile(read("Dockerfile"));
const runtime = stages.at(-1) as Stage;
const workdir = instructions(runtime, "WORKDIR").at(-1) ?? "/";
const imageEnv = stageEnv(runtime);
const pkg = JSON.parse(read("package.json")) as {
  scripts: Record<string, string>;
  engines: { node: string };
  devDependencies: Record<string, string>;
};

/** The services that run Rhizome's image as it is (not the `local` profile's chain and deployment). */
function rhizomeServices(compose: ComposeFile): [string, ComposeService][] {
  return Object.entries(compose.services).filter(
    ([, service]) =>
      typeof service.build === "object" &&
      service.build.target === runtime.name &&
      service.command === undefined &&
      service.entrypoint === undefined,
  );
}

/** What the service's process sees: the image's ENV, then the service's `environment`. */
const containerEnv = (service: ComposeService, vars: Record<string, string>) => ({
  ...imageEnv,
  ...serviceEnv(service, vars),
});

/** The names loadConfig reads from `env`, watched as it reads them. */
function namesRead(env: Record<string, string>): Set<string> {
  const names = new Set<string>();
  const watched = new Proxy(env, {
    get(target, key, receiver) {
      if (typeof key === "string") names.add(key);
      return Reflect.get(target, key, receiver) as unknown;
    },
    has(target, key) {
      if (typeof key === "string") names.add(key);
      return Reflect.has(target, key);
    },
  });
  try {
    loadConfig(watched, workdir);
  } catch {
    // Whether the values are accepted is the next test's question.
  }
  return names;
}

const replicas = (service: ComposeService) => service.deploy?.replicas ?? 1;

describe("the deployment files, against the code", () => {
  it("give the service only variables it reads", () => {
    for (const [scenario, vars] of Object.entries(SCENARIOS)) {
      const services = rhizomeServices(loadCompose(vars));
      expect(services.map(([name]) => name).sort()).toEqual(Object.keys(ROLES).sort());
      for (const [name, service] of services) {
        const env = containerEnv(service, vars);
        const read = namesRead(env);
        const unread = Object.keys(env).filter((variable) => !read.has(variable));
        expect(unread, `${name} (${scenario}): set by compose.yaml or the Dockerfile, read by no one`).toEqual([]);
      }
    }
  });

  it("give each service settings it accepts, in its role, with one writer", () => {
    for (const [scenario, vars] of Object.entries(SCENARIOS)) {
      const compose = loadCompose(vars);
      const services = rhizomeServices(compose);
      const configs = Object.fromEntries(
        services.map(([name, service]) => [name, loadConfig(containerEnv(service, vars), workdir)]),
      );
      const roles = Object.fromEntries(Object.entries(configs).map(([name, config]) => [name, config.role]));
      expect(roles, `the roles in compose.yaml (${scenario})`).toEqual(ROLES);

      // One process writes: the services that index run once; the API has two replicas at least.
      const writers = services.filter(([name]) => roles[name] === "indexer" || roles[name] === "all");
      expect(writers.reduce((sum, [, service]) => sum + replicas(service), 0)).toBe(1);
      expect(replicas(compose.services.api as ComposeService)).toBeGreaterThanOrEqual(2);

      // All on the compose Postgres, as the user and database it creates, and on a network with it.
      const postgres = compose.services.postgres as ComposeService;
      const database = serviceEnv(postgres, vars);
      for (const [name, service] of services) {
        const databaseUrl = (configs[name] as Config).databaseUrl;
        expect(databaseUrl, `${name}: DATABASE_URL (PGlite is one process's)`).toBeDefined();
        const url = new URL(databaseUrl ?? "");
        expect([url.hostname, url.port, url.username, url.password, url.pathname]).toEqual([
          "postgres",
          "5432",
          database.POSTGRES_USER,
          database.POSTGRES_PASSWORD,
          `/${database.POSTGRES_DB}`,
        ]);
        expect(serviceNetworks(service).filter((network) => serviceNetworks(postgres).includes(network))).not.toEqual(
          [],
        );
        // Listening where the proxy and the health check reach it; metrics apart from the API.
        expect((configs[name] as Config).host).toBe("0.0.0.0");
        expect((configs[name] as Config).metricsPort).toBeDefined();
        expect((configs[name] as Config).metricsPort).not.toBe((configs[name] as Config).port);
      }
      if (!vars.RPC_URL) {
        // The local profile's chain answers where the services look for it.
        const chain = compose.services.chain as ComposeService;
        const { hostname, port } = new URL((configs.indexer as Config).rpcUrl);
        expect(hostname).toBe("chain");
        expect(chain.profiles).toContain("local");
        expect(chain.command).toEqual(expect.arrayContaining(["--port", port]));
      }
    }
  });

  it("send the proxy's requests to the replicas' port, stream events unbuffered and keep /metrics private", () => {
    const vars = SCENARIOS["against a provider"] as Record<string, string>;
    const compose = loadCompose(vars);
    const proxy = compose.services.proxy as ComposeService;
    const mount = (proxy.volumes ?? []).find((volume) => volume.includes("/etc/nginx/"));
    const source = mount?.split(":")[0] ?? "";
    expect(existsSync(path.join(root, source)), `${source}, mounted into the proxy`).toBe(true);
    const nginx = parseNginx(read(source));

    const api = loadConfig(containerEnv(compose.services.api as ComposeService, vars), workdir);
    const upstreams = findDirectives(nginx, "upstream");
    const servers = upstreams.flatMap((upstream) => findDirectives(upstream.block ?? [], "server"));
    expect(servers.map((server) => server.args[0])).toEqual([`api:${api.port}`]);
    // Every request nginx passes on goes to that upstream.
    const passes = findDirectives(nginx, "proxy_pass").map((directive) => directive.args[0]);
    expect(new Set(passes)).toEqual(new Set([`http://${upstreams[0]?.args[0]}`]));
    // nginx and the replicas share a network.
    const apiNetworks = serviceNetworks(compose.services.api as ComposeService);
    expect(serviceNetworks(proxy).filter((network) => apiNetworks.includes(network))).not.toEqual([]);

    const locations = findDirectives(nginx, "location");
    const exact = (uri: string) => locations.find((location) => location.args.join(" ") === `= ${uri}`)?.block ?? [];
    const events = exact("/api/events");
    const setting = (block: typeof events, name: string) => block.find((directive) => directive.name === name)?.args;
    expect(setting(events, "proxy_pass")).toBeDefined();
    expect(setting(events, "proxy_buffering")).toEqual(["off"]);
    // Open for much longer than the service's 15 s between heartbeats.
    expect(nginxSeconds(setting(events, "proxy_read_timeout")?.[0] ?? "60s")).toBeGreaterThanOrEqual(300);
    const metrics = exact("/metrics");
    expect(setting(metrics, "proxy_pass")).toBeUndefined();
    expect(setting(metrics, "return")?.[0]).toBe("404");
  });

  describe("on the service", () => {
    let db: DatabaseHandle;
    const apps: FastifyInstance[] = [];
    const status = {
      chainId: 31337,
      head: 0,
      cursor: 0,
      finalized: 0,
      lag: 0,
      caughtUp: true,
      events: 0,
      skippedEvents: 0,
    };
    beforeAll(async () => {
      db = await freshDatabase();
    });
    afterAll(async () => {
      for (const app of apps) await app.close();
      await db?.close();
    });
    const app = async (config: Config, rateLimit = config.rateLimit) => {
      const built = await buildApp({
        db: db.db,
        status: () => status,
        corsOrigins: "*",
        rateLimit,
        trustProxy: config.trustProxy,
      });
      apps.push(built);
      return built;
    };

    it("serves the paths nginx routes", async () => {
      const api = await app(loadConfig(imageEnv, workdir));
      expect(api.hasRoute({ method: "GET", url: "/api/events" })).toBe(true);
    });

    it("takes the client's address from the compose proxy's X-Forwarded-For, and from no one else's", async () => {
      const vars = SCENARIOS["against a provider"] as Record<string, string>;
      const compose = loadCompose(vars);
      const networks = compose.services.proxy?.networks;
      const proxy = Array.isArray(networks) ? undefined : Object.values(networks ?? {})[0]?.ipv4_address;
      expect(proxy, "the proxy's fixed address in compose.yaml").toBeDefined();
      const api = await app(loadConfig(containerEnv(compose.services.api as ComposeService, vars), workdir), 2);
      const from = (client: string, via: string) =>
        api
          .inject({ url: "/api/collectives", remoteAddress: via, headers: { "x-forwarded-for": client } })
          .then((response) => response.statusCode);
      const via = proxy as string;
      expect([await from("203.0.113.1", via), await from("203.0.113.1", via), await from("203.0.113.1", via)]).toEqual([
        200, 200, 429,
      ]);
      expect(await from("203.0.113.2", via)).toBe(200);
      // Another address on the proxy's network is not believed: it is counted as itself.
      const other = via.replace(/\.\d+$/, ".99");
      expect([
        await from("203.0.113.3", other),
        await from("203.0.113.4", other),
        await from("203.0.113.5", other),
      ]).toEqual([200, 200, 429]);
    });

    it("has a HEALTHCHECK that passes while the service answers and fails once it is gone", async () => {
      const [healthcheck] = instructions(runtime, "HEALTHCHECK");
      const command = execForm(healthcheck ?? "");
      const probed = /['"`](\/[A-Za-z0-9/_-]+)['"`]/.exec(command.join(" "))?.[1];
      const api = await app(loadConfig(imageEnv, workdir));
      expect(probed && api.hasRoute({ method: "GET", url: probed }), `HEALTHCHECK probes ${probed}`).toBe(true);
      await api.listen({ host: "127.0.0.1", port: 0 });
      const { port } = api.server.address() as { port: number };
      const probe = () =>
        run(command[0] as string, command.slice(1), { env: { ...process.env, ...imageEnv, PORT: String(port) } }).then(
          () => 0,
          (error: { code?: number }) => error.code ?? 1,
        );
      expect(await probe()).toBe(0);
      await api.close();
      expect(await probe()).not.toBe(0);
    });
  });

  it("runs what `npm run serve` runs, from the files the image holds", () => {
    const command = execForm(instructions(runtime, "CMD").at(-1) ?? "");
    expect(command.join(" ")).toBe(pkg.scripts.serve);
    const entry = command.find((part) => part.endsWith(".ts")) ?? "";
    expect(existsSync(path.join(root, entry))).toBe(true);
    const copied = instructions(runtime, "COPY").map((args) => parseCopy(args).destination.replace(/\/$/, ""));
    expect(copied.some((destination) => entry.startsWith(`${destination}/`))).toBe(true);
    // The `deps` stage installs the dependencies of the workspace that entry belongs to.
    const workspace = JSON.parse(read(path.join(entry.split("/src/")[0] ?? "", "package.json"))) as { name: string };
    const install = stages.flatMap((stage) => instructions(stage, "RUN")).find((args) => args.includes("--omit=dev"));
    expect(install).toContain(`--workspace ${workspace.name}`);
  });

  it("runs on the Node major package.json asks for", () => {
    const major = (range: string) => /(\d+)/.exec(range)?.[1];
    const majors = new Set(stages.map((stage) => /^node:(\d+)/.exec(stage.image)?.[1]));
    expect([...majors]).toEqual([major(pkg.engines.node)]);
    expect(major(pkg.devDependencies.node ?? "")).toBe(major(pkg.engines.node));
    if (existsSync(path.join(root, ".nvmrc"))) expect(major(read(".nvmrc"))).toBe(major(pkg.engines.node));
  });

  it("gives tsx, a dev dependency the service runs with, every package it needs", () => {
    const lock = JSON.parse(read("package-lock.json")) as {
      packages: Record<
        string,
        {
          dependencies?: Record<string, string>;
          optionalDependencies?: Record<string, string>;
          os?: string[];
          dev?: boolean;
        }
      >;
    };
    /** Where Node finds `name` from the package at `from`: its own node_modules, then its parents'. */
    const resolve = (from: string, name: string): string | undefined => {
      for (let at = from; ; at = at.includes("/node_modules/") ? at.slice(0, at.lastIndexOf("/node_modules/")) : "") {
        const candidate = at === "" ? `node_modules/${name}` : `${at}/node_modules/${name}`;
        if (lock.packages[candidate]) return candidate;
        if (at === "") return undefined;
      }
    };
    /** Packages npm installs on Linux, where the image runs (not fsevents, not esbuild's macOS binary). */
    const onLinux = (at: string) => {
      const os = lock.packages[at]?.os;
      return !os || os.includes("linux") || (os.every((name) => name.startsWith("!")) && !os.includes("!linux"));
    };
    const needed = new Set<string>();
    const visit = (at: string) => {
      if (needed.has(at) || !onLinux(at)) return;
      needed.add(at);
      const entry = lock.packages[at] ?? {};
      for (const name of Object.keys({ ...entry.dependencies, ...entry.optionalDependencies })) {
        const found = resolve(at, name);
        if (found) visit(found);
      }
    };
    visit("node_modules/tsx");
    const fromBuild = instructions(runtime, "COPY")
      .map(parseCopy)
      .filter((copy) => copy.from !== undefined && copy.destination.startsWith("node_modules/"))
      .map((copy) => copy.destination.replace(/\/$/, ""));
    // A package the lock does not mark as dev-only is one `npm ci --omit=dev` installs (were tsx
    // moved to the service's dependencies, the copies would no longer be needed).
    const missing = [...needed].filter(
      (at) => lock.packages[at]?.dev && !fromBuild.some((copied) => at === copied || at.startsWith(`${copied}/`)),
    );
    expect(missing, "packages tsx needs that the runtime stage does not copy").toEqual([]);
  });

  it("exposes the port the service listens on", () => {
    const port = loadConfig(imageEnv, workdir).port;
    expect(instructions(runtime, "EXPOSE").flatMap((args) => args.split(/\s+/))).toEqual([String(port)]);
  });

  const docker = dockerAvailable();
  it.skipIf(!docker)(
    "builds the image, which serves the API and the web client as a non-root user and stops on SIGTERM",
    async () => {
      const tag = `rhizome-test:${randomBytes(4).toString("hex")}`;
      const name = tag.replace(":", "-");
      try {
        await run("docker", ["build", "--target", runtime.name ?? "", "-t", tag, "."], {
          cwd: root,
          maxBuffer: 64 * 1024 * 1024,
        });
        // PGlite in the image's DATA_DIR; a chain that is never reached (the API serves meanwhile).
        await run("docker", [
          "run",
          "-d",
          "--init",
          "--name",
          name,
          "-p",
          "127.0.0.1::42069",
          "-e",
          "RPC_URL=http://127.0.0.1:9",
          tag,
        ]);
        const { stdout: mapped } = await run("docker", ["port", name, "42069/tcp"]);
        const url = `http://${mapped.trim().split("\n")[0]}`;
        let healthz = 0;
        for (let attempt = 0; attempt < 120 && healthz !== 200; attempt++) {
          healthz = await fetch(`${url}/healthz`).then(
            (response) => response.status,
            () => 0,
          );
          if (healthz !== 200) await new Promise((resolve) => setTimeout(resolve, 500));
        }
        expect(healthz).toBe(200);
        const page = await fetch(`${url}/`);
        expect(page.headers.get("content-type")).toContain("text/html");
        const { stdout: user } = await run("docker", ["exec", name, "id", "-un"]);
        expect(user.trim()).toBe("node");
        let health = "";
        for (let attempt = 0; attempt < 60 && health !== "healthy"; attempt++) {
          health = (await run("docker", ["inspect", "-f", "{{.State.Health.Status}}", name])).stdout.trim();
          if (health !== "healthy") await new Promise((resolve) => setTimeout(resolve, 1_000));
        }
        expect(health).toBe("healthy");
        await run("docker", ["stop", "-t", "30", name]);
        const { stdout: exit } = await run("docker", ["inspect", "-f", "{{.State.ExitCode}}", name]);
        // main.ts: a graceful stop exits 0 (137 would be Docker's SIGKILL after the grace period).
        expect(exit.trim()).toBe("0");
      } finally {
        await run("docker", ["rm", "-f", name]).catch(() => undefined);
        await run("docker", ["rmi", "-f", tag]).catch(() => undefined);
      }
    },
    30 * 60_000,
  );
});

/** Whether a Docker daemon answers; says once why the image is not built when none does. */
function dockerAvailable(): boolean {
  const info = spawnSync("docker", ["info"], { stdio: "ignore", timeout: 20_000 });
  if (info.status === 0) return true;
  console.warn(
    `[deploy] compose.test.ts: the image is not built or run: ${
      info.error ? "no docker CLI" : "the docker CLI finds no daemon"
    } here. The other checks of the Dockerfile and compose.yaml ran.`,
  );
  return false;
}
