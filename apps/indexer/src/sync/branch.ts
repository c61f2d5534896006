/**
 * Whether what the RPC answered comes from one branch of the chain. A provider is often several
 * nodes behind a load balancer, and one of them may still follow a branch the others have left:
 * eth_getLogs answered by it and eth_getBlockByNumber by another would put one branch's logs
 * under the other's block hashes. The index would keep them for good, since every later poll
 * finds the hash it kept still on the chain. So each log must carry the hash of its block as the
 * chain gives that block by number, and a block followed at the head must be the child of the
 * block the index holds.
 */
import type { BlockHeader, RawLog } from "./rpc.js";

/** The RPC's answers for one unit of work came from two branches of the chain. */
export class MixedBranchesError extends Error {
  override name = "MixedBranchesError";
  constructor(
    /** The block the answers disagree about. */
    readonly block: number,
    /** Its hash as eth_getBlockByNumber gives it, or as the index holds it. */
    readonly expected: string,
    /** The hash the other answer carries. */
    readonly found: string,
    message: string,
  ) {
    super(message);
  }
}

/** A hash that is no hash: Hardhat leaves a block's parent hash empty when it mines many at once. */
const NO_HASH = `0x${"0".repeat(64)}`;

/**
 * Throws a MixedBranchesError unless every log carries the hash of its block in `headers` (the
 * chain's blocks by number, read after the logs).
 */
export function checkLogsOnBranch(logs: readonly RawLog[], headers: ReadonlyMap<number, BlockHeader>): void {
  for (const log of logs) {
    const number = Number(log.blockNumber);
    const hash = headers.get(number)?.hash;
    if (hash !== undefined && log.blockHash.toLowerCase() === hash.toLowerCase()) continue;
    throw new MixedBranchesError(
      number,
      hash ?? "none",
      log.blockHash,
      `The RPC answered from two branches of the chain: eth_getLogs gave a log of block ${number} under the hash ` +
        `${log.blockHash}, but eth_getBlockByNumber gives ${hash ?? "no such block"}.`,
    );
  }
}

/** Throws a MixedBranchesError unless `header` is the child of the block whose hash the index holds. */
export function checkExtends(header: BlockHeader, held: string): void {
  if (header.parentHash === NO_HASH || header.parentHash.toLowerCase() === held.toLowerCase()) return;
  throw new MixedBranchesError(
    header.number - 1,
    held,
    header.parentHash,
    `The RPC answered from two branches of the chain: block ${header.number}'s parent is ${header.parentHash}, ` +
      `but block ${header.number - 1} is ${held} in the same answer.`,
  );
}
