/**
 * `npm run export` / `npm run import`: the data not derived from the chain (OFFCHAIN_TABLES:
 * signed comments and their actions, webhooks and their deliveries) as JSON Lines, one row a
 * line tagged with its table, so a database can be moved or restored; the index itself is built
 * again from the chain. An import checks every line before it writes any: a line that is not
 * JSON, names another table, or carries a comment action whose signature is not its author's
 * (verified again, with the chain's client for contract wallets) or a comment no signed post
 * backs, refuses the whole import with its line number. Rows already there are kept, so a second
 * import of the same lines adds nothing.
 */
import { sql } from "drizzle-orm";
import { OFFCHAIN_TABLES, type Database } from "@rhizome/db";
import { getAddress, hashTypedData, verifyTypedData, type Hex, type PublicClient } from "viem";
import { commentTypedData, NO_PARENT, type CommentAction } from "@rhizome/client/schemas";

type Table = (typeof OFFCHAIN_TABLES)[number];
type Row = Record<string, unknown>;

export interface Line {
  table: Table;
  row: Row;
}

/** The columns each table's rows are ordered by, so an export of the same data is the same file. */
const ORDER: Partial<Record<Table, string>> = {
  webhook_subscriptions: "id",
  webhook_deliveries: "id",
  comments: "created_at, id",
  comment_actions: "signed_at, digest",
};

const rowsOf = async (db: Database, query: ReturnType<typeof sql.raw>) =>
  ((await db.execute(query)) as unknown as { rows: { row: string }[] }).rows;

/** Every off-chain row, table by table, as JSON Lines. */
export async function* exportOffchain(db: Database): AsyncGenerator<string> {
  for (const table of OFFCHAIN_TABLES) {
    // As Postgres writes it: an amount (numeric) keeps every digit, which a JS number would not.
    const order = ORDER[table] ?? "1";
    const rows = await rowsOf(db, sql.raw(`SELECT to_jsonb(t)::text AS row FROM ${table} t ORDER BY ${order}`));
    for (const { row } of rows) yield `{"table":${JSON.stringify(table)},"row":${row}}\n`;
  }
}

export class ImportError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
  }
}

const TYPES: Record<string, CommentAction> = { post: "Comment", edit: "EditComment", delete: "DeleteComment" };

/** Refuses a comment action whose message is not signed by its author, or whose digest is not the message's. */
async function verifyAction(row: Row, client: PublicClient | undefined): Promise<string | undefined> {
  const message = row.message as Record<string, unknown> | null;
  if (!message || typeof message !== "object") return "a comment action without its message";
  const primaryType = TYPES[String(row.action)];
  if (!primaryType || message.primaryType !== primaryType) return "a comment action of an unknown kind";
  const { primaryType: _type, chainId, collective, ...signed } = message;
  if (typeof chainId !== "number" || typeof collective !== "string") return "a comment action without its domain";
  let typed;
  try {
    const { domain, types } = commentTypedData(chainId, getAddress(collective));
    typed = {
      domain,
      types,
      primaryType,
      message: { ...signed, issuedAt: BigInt(String(signed.issuedAt)) },
    } as const;
    if (hashTypedData(typed as never) !== row.digest) return "a comment action whose digest is not its message's";
    const args = { ...typed, address: getAddress(String(row.signer)), signature: String(row.signature) as Hex };
    const valid = client ? await client.verifyTypedData(args as never) : await verifyTypedData(args as never);
    if (!valid) return `a comment action not signed by ${String(row.signer)}`;
  } catch (error) {
    return `a comment action that cannot be verified: ${(error as Error).message.split("\n")[0]}`;
  }
  return undefined;
}

/**
 * Checks every line, then writes them all in one transaction; answers the rows added per table.
 * `client`, the chain's, lets a contract wallet's signature (ERC-1271) verify.
 */
export async function importOffchain(
  db: Database,
  text: string,
  client?: PublicClient,
): Promise<Record<Table, number>> {
  const lines: (Line & { number: number; raw: string })[] = [];
  const posts = new Map<string, Row>();
  const latest = new Map<string, Row>();
  const split = text.split("\n");
  for (const [i, raw] of split.entries()) {
    const number = i + 1;
    if (raw.trim() === "") continue;
    let line: Line;
    try {
      line = JSON.parse(raw) as Line;
    } catch {
      throw new ImportError(number, "not JSON");
    }
    if (!line || typeof line !== "object" || !OFFCHAIN_TABLES.includes(line.table) || typeof line.row !== "object") {
      throw new ImportError(number, `not a row of ${OFFCHAIN_TABLES.join(", ")}`);
    }
    if (line.table === "comment_actions") {
      const problem = await verifyAction(line.row, client);
      if (problem) throw new ImportError(number, problem);
      const message = line.row.message as Row;
      const id = String(line.row.comment_id);
      if (line.row.action === "post") {
        if (line.row.digest !== id) throw new ImportError(number, "a post whose comment is not its digest");
        posts.set(id, message);
      }
      const before = latest.get(id);
      if (!before || Number(before.issuedAt) <= Number(message.issuedAt)) latest.set(id, message);
    }
    lines.push({ ...line, number, raw });
  }
  // A comment must be what its signed actions made: its post's thread and author, its last body.
  for (const { table, row, number } of lines) {
    if (table !== "comments") continue;
    const id = String(row.id);
    const post = posts.get(id);
    const last = latest.get(id);
    const parent = row.parent_id === null ? NO_PARENT : row.parent_id;
    if (
      !post ||
      !last ||
      post.author !== row.author ||
      post.kind !== row.thread_kind ||
      post.thread !== row.thread_id ||
      post.collective !== row.collective ||
      post.parent !== parent ||
      (row.deleted_at === null ? last.body !== row.body : last.primaryType !== "DeleteComment")
    ) {
      throw new ImportError(number, `comment ${id} is not what its signed actions in this file make`);
    }
  }
  const added = Object.fromEntries(OFFCHAIN_TABLES.map((t) => [t, 0])) as Record<Table, number>;
  await db.transaction(async (tx) => {
    for (const { table, raw } of lines) {
      // Read by Postgres from the line itself, so every digit of an amount is kept.
      const inserted = (await tx.execute(
        sql`INSERT INTO ${sql.identifier(table)} SELECT * FROM jsonb_populate_record(NULL::${sql.identifier(table)}, (${raw}::jsonb)->'row') ON CONFLICT DO NOTHING RETURNING 1`,
      )) as unknown as { rows: unknown[] };
      added[table] += inserted.rows.length;
    }
    // Deliveries keep their ids: the next one made here follows the largest.
    await tx.execute(
      sql`SELECT setval(pg_get_serial_sequence('webhook_deliveries', 'id'), GREATEST((SELECT max(id) FROM webhook_deliveries), 1))`,
    );
  });
  return added;
}
