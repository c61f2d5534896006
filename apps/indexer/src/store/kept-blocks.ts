/**
 * What lets the index undo itself: the hash of the last block of every committed unit (a backfill
 * range or a followed block) down to the newest one that no reorg can reach any more (the anchor),
 * and the undo records the reorg triggers wrote for every change committed above it. A reorg rolls
 * back to the newest kept block the chain still has; any kept block can be rolled back to, since
 * every unit committed above the anchor recorded its changes.
 */
import { sql } from "drizzle-orm";
import { schema, type Database, type Transaction } from "@rhizome/db";
import type { BlockHeader, Rpc } from "../sync/rpc.js";

/** The hash kept for block `number`, if the index kept it. */
export async function keptHash(db: Database, number: number): Promise<string | undefined> {
  const [kept] = await db
    .select({ hash: schema.blocks.hash })
    .from(schema.blocks)
    .where(sql`${schema.blocks.number} = ${number}`);
  return kept?.hash;
}

/** The oldest block the index keeps (the anchor), if it keeps any. */
export async function oldestKept(db: Database): Promise<number | undefined> {
  const [row] = await db.select({ oldest: sql<string | null>`min(${schema.blocks.number})` }).from(schema.blocks);
  return row?.oldest === null || row?.oldest === undefined ? undefined : Number(row.oldest);
}

/** Keeps a committed unit's last block. */
export async function keepBlock(tx: Transaction, header: BlockHeader): Promise<void> {
  await tx
    .insert(schema.blocks)
    .values({ number: header.number, hash: header.hash, parentHash: header.parentHash, timestamp: header.timestamp })
    .onConflictDoUpdate({ target: schema.blocks.number, set: { hash: header.hash, parentHash: header.parentHash } });
}

/**
 * Forgets what no reorg can undo any more: the anchor becomes the newest kept block at or below
 * `limit` (the head less the deepest reorg rolled back in place); the kept blocks below it and the
 * undo records at or below it go. Returns the anchor, if a kept block is that old.
 */
export async function pruneBelow(tx: Transaction, limit: number): Promise<number | undefined> {
  const [row] = await tx
    .select({ anchor: sql<string | null>`max(${schema.blocks.number})` })
    .from(schema.blocks)
    .where(sql`${schema.blocks.number} <= ${limit}`);
  if (row?.anchor === null || row?.anchor === undefined) return undefined;
  const anchor = Number(row.anchor);
  await tx.delete(schema.reorgLog).where(sql`${schema.reorgLog.blockNumber} <= ${anchor}`);
  await tx.delete(schema.blocks).where(sql`${schema.blocks.number} < ${anchor}`);
  return anchor;
}

/** Kept blocks compared with the chain per request, newest first. */
const WALK_BATCH = 64;

/**
 * The newest kept block the chain still has (the common ancestor of the index and the chain), or
 * undefined when the chain has none of them: a reorg deeper than anything the index can undo.
 */
export async function findAncestor(db: Database, rpc: Rpc): Promise<{ number: number; hash: string } | undefined> {
  const kept = await db
    .select({ number: schema.blocks.number, hash: schema.blocks.hash })
    .from(schema.blocks)
    .orderBy(sql`${schema.blocks.number} DESC`);
  for (let i = 0; i < kept.length; i += WALK_BATCH) {
    const batch = kept.slice(i, i + WALK_BATCH);
    const { headers } = await rpc.headWithHeaders(batch.map((block) => block.number));
    const found = batch.find((block, j) => headers[j]?.hash === block.hash);
    if (found) return found;
  }
  return undefined;
}

/** Undoes every change committed above `ancestor` and forgets the blocks above it. */
export async function rollBack(db: Database, ancestor: number): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT rhizome_revert_to(${ancestor})`);
    await tx.delete(schema.blocks).where(sql`${schema.blocks.number} > ${ancestor}`);
    await tx.update(schema.indexerState).set({ cursorBlock: ancestor, cursorHash: null });
  });
}
