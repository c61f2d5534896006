/**
 * The reorg stage: when the chain no longer has the block the index was built on, what to do.
 * The answer is one of four, and the orchestrator carries it out:
 * - `behind`: the chain's head is below what the index holds as final, or below every kept block:
 *   a node that is behind (a provider's node catching up, a load balancer's lagging one), not a
 *   reorg. Wait for it rather than rebuild.
 * - `same`: the walk finds the cursor's own block on the chain after all (the chain's answers
 *   disagreed for a moment): nothing to undo; the next poll looks again.
 * - `rollback`: undo everything above the newest kept block the chain still has.
 * - `rebuild`: the chain has none of the kept blocks, or the cursor's block was written below the
 *   reorg window (nothing of it kept) and the chain no longer has it: the reorg went deeper than
 *   the undo records reach (or the chain was replaced), and the index is rebuilt from the chain.
 */
import type { Database } from "@rhizome/db";
import { findAncestor, oldestKept } from "../store/kept-blocks.js";
import type { Rpc } from "./rpc.js";

export type ReorgFinding =
  /** `blockMissing`: the head is not below the index, but the cursor's block is not returned. */
  | { kind: "behind"; blockMissing?: true }
  | { kind: "same" }
  | { kind: "rollback"; ancestor: { number: number; hash: string }; depth: number }
  | { kind: "rebuild" };

/** Where the index stands when the chain was found without its cursor's block. */
export interface Position {
  head: number;
  cursor: number;
  finalized: number;
  /**
   * The cursor's hash when its block was written below the reorg window, so not kept: nothing
   * above a kept block can be undone then, and a chain without that block means a rebuild.
   */
  unkept?: string | undefined;
}

export async function findReorg(db: Database, rpc: Rpc, position: Position): Promise<ReorgFinding> {
  if (position.head < position.finalized) return { kind: "behind" };
  if (position.unkept !== undefined) {
    const [current] = (await rpc.headers([position.cursor])).values();
    // No block at the cursor: the chain is shorter than the index, or the node that answered
    // lags the one that gave the head. Either way, nothing says the block changed; wait.
    if (current === undefined) {
      return position.head < position.cursor ? { kind: "behind" } : { kind: "behind", blockMissing: true };
    }
    return current.hash === position.unkept ? { kind: "same" } : { kind: "rebuild" };
  }
  const ancestor = await findAncestor(db, rpc);
  if (!ancestor) {
    const oldest = await oldestKept(db);
    return oldest !== undefined && position.head < oldest ? { kind: "behind" } : { kind: "rebuild" };
  }
  const depth = position.cursor - ancestor.number;
  return depth === 0 ? { kind: "same" } : { kind: "rollback", ancestor, depth };
}
