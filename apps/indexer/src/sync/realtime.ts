/**
 * The realtime stage: following the head block by block once the final blocks are indexed. Each
 * poll asks the head, the block after the cursor and the block at the cursor in one request;
 * a block is followed only if it is the child of the block the index holds, and its logs are
 * read by its hash, and must carry it (branch.ts).
 */
import type { Hex } from "viem";
import { checkExtends, checkLogsOnBranch } from "./branch.js";
import type { BlockHeader, RawLog, Rpc } from "./rpc.js";

/** What one poll of the head learns, all asked at once. */
export interface Poll {
  head: number;
  /** The block after the cursor, if the chain has it. */
  next: BlockHeader | undefined;
  /** The chain's block at the cursor, if it has one. */
  current: BlockHeader | undefined;
}

/** The head, the block after the cursor and the block at the cursor: one JSON-RPC request. */
export async function poll(rpc: Rpc, cursor: number): Promise<Poll> {
  // Before anything is indexed from block 0, the cursor is block -1.
  const { head, headers } = await rpc.headWithHeaders(cursor >= 0 ? [cursor + 1, cursor] : [cursor + 1]);
  const [next, current] = headers;
  return { head, next, current };
}

/**
 * The logs of `header`, the block after the cursor, read by its hash. Throws a
 * MixedBranchesError when the block is not the child of the block the index holds
 * (`cursorHash`; undefined before anything is indexed) or a log does not carry its hash: the
 * poll's answers and the logs came from two branches.
 */
export async function readBlock(
  header: BlockHeader,
  cursorHash: string | undefined,
  fetchLogs: (filter: { blockHash: Hex }) => Promise<RawLog[]>,
): Promise<RawLog[]> {
  if (cursorHash !== undefined) checkExtends(header, cursorHash);
  const logs = await fetchLogs({ blockHash: header.hash });
  checkLogsOnBranch(logs, new Map([[header.number, header]]));
  return logs;
}
