/**
 * `npm run export` / `npm run import` over real databases: the comments members signed (posts,
 * a reply, an edit) and a webhook leave one database as JSON Lines and arrive in another as they
 * were; a second import adds nothing; a line whose signature or body was altered, or that is not
 * JSON, refuses the whole import with its line number and stores nothing. The commands
 * themselves run once, as an operator runs them.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { getAddress } from "viem";
import { mintSharesProposal } from "@rhizome/contracts";
import type { DatabaseHandle } from "@rhizome/db";
import { exportOffchain, importOffchain } from "../../apps/indexer/src/offchain/transfer.js";
import { addressOf, collectiveFixture, propose, type Fixture } from "../helpers/collective.js";
import { editComment, postComment } from "../helpers/comments.js";
import { freshDatabaseUrl } from "../helpers/database.js";
import { freshDatabase } from "../helpers/indexer.js";
import { backend, liveIndex, type LiveIndex } from "./indexed.js";

const run = promisify(execFile);

describe(`export and import of off-chain data (${backend})`, () => {
  let f: Fixture;
  let live: LiveIndex;
  let exported: string;
  const opened: DatabaseHandle[] = [];

  const table = async (db: DatabaseHandle, name: string) =>
    (
      (await db.db.execute(sql.raw(`SELECT to_jsonb(t)::text AS row FROM ${name} t ORDER BY 1`))) as unknown as {
        rows: { row: string }[];
      }
    ).rows.map((r) => r.row);
  const fresh = async () => {
    const db = await freshDatabase();
    opened.push(db);
    return db;
  };
  const all = async (db: DatabaseHandle) => ({
    comments: await table(db, "comments"),
    actions: await table(db, "comment_actions"),
    webhooks: await table(db, "webhook_subscriptions"),
  });

  beforeAll(async () => {
    f = await collectiveFixture();
    const id = await propose(f, f.alice, mintSharesProposal(f.modules, addressOf(f.dave), 1n, "# Dave joins"));
    live = await liveIndex(f);
    await live.indexer.syncToHead();
    const at = {
      chainId: live.indexer.status.chainId,
      collective: getAddress(f.modules.governor),
      kind: "proposal" as const,
      id: id.toString(),
    };
    const now = Math.floor(Date.now() / 1000);
    const first = await postComment(live.app, f.alice, at, "A year with us.", { issuedAt: now - 2 });
    await postComment(live.app, f.bob, at, "Welcome, Dave.", { parent: first.id as `0x${string}`, issuedAt: now - 1 });
    await editComment(live.app, f.alice, at, first.id as `0x${string}`, "A year with us, and the indexer.");
    await live.db.db.execute(
      sql`INSERT INTO webhook_subscriptions (id, url, secret, format, source, collective) VALUES ('op_1', 'https://hooks.example/x', 's3cret', 'json', 'operator', ${at.collective})`,
    );
    exported = "";
    for await (const line of exportOffchain(live.db.db)) exported += line;
  });
  afterAll(async () => {
    for (const db of opened) await db.close();
    await live?.close();
  });

  it("writes every off-chain row as a line tagged with its table", () => {
    const lines = exported
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { table: string });
    expect(lines.map((l) => l.table)).toEqual([
      "webhook_subscriptions",
      "comments",
      "comments",
      "comment_actions",
      "comment_actions",
      "comment_actions",
    ]);
  });

  it("carries them to another database as they were, and a second import adds nothing", async () => {
    const other = await fresh();
    expect(await importOffchain(other.db, exported)).toMatchObject({
      webhook_subscriptions: 1,
      webhook_deliveries: 0,
      comments: 2,
      comment_actions: 3,
    });
    expect(await all(other)).toEqual(await all(live.db));
    expect(await importOffchain(other.db, exported)).toMatchObject({
      webhook_subscriptions: 0,
      comments: 0,
      comment_actions: 0,
    });
    expect(await all(other)).toEqual(await all(live.db));
  });

  it("refuses an altered signature, an altered body or a line that is not JSON, by its number, storing nothing", async () => {
    const lines = exported.trim().split("\n");
    const at = (table: string) => lines.findIndex((l) => l.startsWith(`{"table":"${table}"`));
    const tamper = (index: number, edit: (row: Record<string, unknown>) => void) => {
      const copy = [...lines];
      const line = JSON.parse(copy[index] ?? "") as { table: string; row: Record<string, unknown> };
      edit(line.row);
      copy[index] = JSON.stringify(line);
      return copy.join("\n");
    };
    const action = at("comment_actions");
    const comment = at("comments");
    const cases: [string, string, RegExp][] = [
      [
        "signature",
        tamper(action, (row) => {
          const s = String(row.signature);
          row.signature = `${s.slice(0, 10)}${s[10] === "a" ? "b" : "a"}${s.slice(11)}`;
        }),
        new RegExp(`^line ${action + 1}: a comment action (not signed by|that cannot be verified)`),
      ],
      [
        "signed body",
        tamper(action, (row) => {
          (row.message as Record<string, unknown>).body = "Something else";
        }),
        new RegExp(`^line ${action + 1}: a comment action whose digest is not its message's`),
      ],
      [
        "stored body",
        tamper(comment, (row) => {
          row.body = "Words nobody signed";
        }),
        new RegExp(`^line ${comment + 1}: comment 0x[0-9a-f]{64} is not what its signed actions`),
      ],
      ["not JSON", [...lines.slice(0, 2), "{oops", ...lines.slice(2)].join("\n"), /^line 3: not JSON$/],
    ];
    const other = await fresh();
    for (const [what, text, message] of cases) {
      await expect(importOffchain(other.db, text), what).rejects.toThrow(message);
    }
    expect(await all(other)).toEqual({ comments: [], actions: [], webhooks: [] });
  });

  it("runs as npm run export and npm run import", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "rhizome-offchain-"));
    try {
      const url = await freshDatabaseUrl();
      const env = { ...process.env, ...(url ? { DATABASE_URL: url } : { DATA_DIR: path.join(dir, "db") }) };
      const file = path.join(dir, "offchain.jsonl");
      await writeFile(file, exported);
      const tsx = path.resolve("node_modules/.bin/tsx");
      const first = await run(tsx, ["scripts/offchain.ts", "import", file], { env });
      expect(first.stdout).toMatch(
        /^Imported: 1 webhook_subscriptions, 0 webhook_deliveries, 2 comments, 3 comment_actions/,
      );
      const again = await run(tsx, ["scripts/offchain.ts", "import", file], { env });
      expect(again.stdout).toMatch(
        /^Imported: 0 webhook_subscriptions, 0 webhook_deliveries, 0 comments, 0 comment_actions/,
      );
      await run(tsx, ["scripts/offchain.ts", "export", path.join(dir, "back.jsonl")], { env });
      expect(await readFile(path.join(dir, "back.jsonl"), "utf8")).toBe(exported);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
