/**
 * The indexer's bookkeeping in the database: which chain and factory the index belongs to, how
 * far it reaches, and the one transaction that writes a unit of work (its projections' changes,
 * its last block kept for reorgs, the cursor). Also the rule that tells whether a stored index
 * is this chain's: a pure function, tested beside this file.
 */
import { sql } from "drizzle-orm";
import type { Address, Hex } from "viem";
import { BOOKKEEPING_TABLES, PROJECTION_TABLES, schema, type Database, type Transaction } from "@rhizome/db";
import type { BlockHeader } from "../sync/rpc.js";
import { keepBlock, pruneBelow } from "./kept-blocks.js";

export type IndexState = typeof schema.indexerState.$inferSelect;

/**
 * The database holds an index of another chain or factory than the one configured: indexing
 * would mix the two or wipe it, so the indexer refuses to start.
 */
export class IndexMismatchError extends Error {
  override name = "IndexMismatchError";
}

/** Chain ids of local development chains (Hardhat, Anvil, Ganache), which start anew with a new genesis. */
export const DEVELOPMENT_CHAINS = new Set([31337, 1337]);

/**
 * Why the stored index must start afresh for this chain, if it must. Another chain id or
 * factory is a wrong RPC_URL or FACTORY_ADDRESS, or the wrong database: refused with an
 * IndexMismatchError, never truncated. Another genesis block under the same chain id is a local
 * development chain started anew (`npm start` makes one each time): its index starts afresh.
 * Anything else, a head behind the index or blocks no longer on the chain, is the first step's to
 * find out (it waits, rolls back or rebuilds, and says so).
 */
export function resetReason(
  state: Pick<IndexState, "chainId" | "factory" | "genesisHash">,
  chain: { chainId: number; genesis: Hex; factory: Address },
): string | undefined {
  const { chainId, genesis, factory } = chain;
  const elsewhere = "point RPC_URL at that chain, or give this chain a database of its own (DATABASE_URL or DATA_DIR)";
  if (state.chainId !== chainId) {
    throw new IndexMismatchError(
      `The database holds an index of chain ${state.chainId}, but RPC_URL serves chain ${chainId}: ${elsewhere}.`,
    );
  }
  if (state.factory !== factory) {
    throw new IndexMismatchError(
      `The database holds an index of the factory ${state.factory}, not ${factory}: ` +
        "set FACTORY_ADDRESS to it, or give this factory a database of its own (DATABASE_URL or DATA_DIR).",
    );
  }
  if (state.genesisHash !== genesis) {
    if (DEVELOPMENT_CHAINS.has(chainId)) return "another genesis block";
    throw new IndexMismatchError(
      `The database holds an index of chain ${chainId} from the genesis block ${state.genesisHash}, but RPC_URL ` +
        `serves one from ${genesis}: ${elsewhere}.`,
    );
  }
  return undefined;
}

/** The stored state, if an index was ever started in this database. */
export async function loadState(db: Database): Promise<IndexState | undefined> {
  const [state] = await db.select().from(schema.indexerState);
  return state;
}

/** Starts an index of `chain` from `startBlock` (nothing indexed yet) and returns its state. */
export async function createState(
  db: Database,
  chain: { chainId: number; genesis: Hex; factory: Address; startBlock: number; projectionVersion: number },
): Promise<IndexState> {
  await db.insert(schema.indexerState).values({
    chainId: chain.chainId,
    genesisHash: chain.genesis,
    factory: chain.factory,
    startBlock: chain.startBlock,
    cursorBlock: chain.startBlock - 1,
    finalizedBlock: chain.startBlock - 1,
    headBlock: 0,
    headTimestamp: 0,
    projectionVersion: chain.projectionVersion,
  });
  const state = await loadState(db);
  if (!state) throw new Error("The indexer state could not be written");
  return state;
}

/** Empties every projection and the bookkeeping; data that does not come from the chain stays. */
export async function emptyIndex(db: Database): Promise<void> {
  await db.execute(sql.raw(`TRUNCATE ${[...PROJECTION_TABLES, ...BOOKKEEPING_TABLES].join(", ")}`));
}

/** A unit of work ready to write: a backfill range, or one block followed at the head. */
export interface Unit {
  from: number;
  to: number;
  /**
   * The unit's last block, kept so that the next step can tell whether the chain still has it;
   * undefined for a range below the reorg window, of which nothing is kept (it is final).
   */
  header: BlockHeader | undefined;
  /** The hash of the unit's last block, kept or not: the cursor's hash once the unit is written. */
  lastHash: string;
  /**
   * The block before the unit, kept too when the cursor's block was not (the range before was
   * below the reorg window): the block a reorg that reaches into this unit rolls back to.
   */
  anchor?: BlockHeader | undefined;
  /** The newest block time the unit knows, for the chain's time; undefined leaves it as it was. */
  timestamp: number | undefined;
  /** The chain's head when the unit was read. */
  head: number;
  /** Record undo records of the unit's changes, under its last block (it is within reorg reach). */
  undoable: boolean;
  /** Kept blocks at or below this height are beyond any reorg rolled back in place: forget them. */
  pruneAt: number;
}

/**
 * Writes a unit in one transaction: `apply` changes the projections (recording undo records
 * under the unit's last block when it is undoable), then its last block is kept, what no reorg
 * can reach is forgotten, and the cursor moves. Returns what `apply` returned and the newest
 * block no reorg undoes, if it moved: the anchor (the newest kept block that old), or the
 * unit's last block when it was below the reorg window and nothing of it was kept.
 */
export async function commitUnit<T>(
  db: Database,
  unit: Unit,
  apply: (tx: Transaction) => Promise<T>,
  beforeCommit?: (range: { fromBlock: number; toBlock: number }) => void | Promise<void>,
): Promise<{ applied: T; finalized: number | undefined }> {
  return db.transaction(async (tx) => {
    // The reorg triggers record each change under the block this setting names (empty: none).
    if (unit.undoable) await tx.execute(sql`SELECT set_config('rhizome.block', ${String(unit.to)}, true)`);
    const applied = await apply(tx);
    if (unit.undoable) await tx.execute(sql`SELECT set_config('rhizome.block', '', true)`);
    if (unit.anchor) await keepBlock(tx, unit.anchor);
    if (unit.header) await keepBlock(tx, unit.header);
    const anchor = await pruneBelow(tx, unit.pruneAt);
    const finalized = unit.header ? anchor : Math.max(anchor ?? unit.to, unit.to);
    await tx.update(schema.indexerState).set({
      cursorBlock: unit.to,
      // A kept block is found among the kept ones; one that is not is remembered here.
      cursorHash: unit.header ? null : unit.lastHash,
      headBlock: unit.head,
      ...(unit.timestamp === undefined ? {} : { headTimestamp: unit.timestamp }),
      ...(finalized === undefined ? {} : { finalizedBlock: finalized }),
    });
    await beforeCommit?.({ fromBlock: unit.from, toBlock: unit.to });
    return { applied, finalized };
  });
}
