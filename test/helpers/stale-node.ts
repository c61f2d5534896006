/**
 * A provider with a stale node behind it, as a load balancer in front of several nodes has: some
 * answers come from a node that still follows a branch the chain has left. The branch is recorded
 * while the chain still has it (its blocks and logs above the fork), then the chain is reverted
 * and grows another; from then on the calls switched to the stale node are answered from the
 * recording, and every other call, or block the recording does not have, from the chain.
 */
import type { EthereumProvider } from "./rpc-server.js";

interface RpcLog {
  address: string;
  topics: string[];
  blockNumber: string;
  blockHash: string;
}

interface LogFilter {
  address?: string | string[];
  topics?: (string | string[] | null)[];
  fromBlock?: string;
  toBlock?: string;
  blockHash?: string;
}

export interface StaleNode {
  /** The provider to serve: the chain, with the switched calls answered by the stale node. */
  provider: EthereumProvider;
  /** Records the chain's blocks and logs above `fork` as the stale node's branch. */
  record(fork: number): Promise<void>;
  /** What the stale node answers from now on: every eth_getLogs, and eth_getBlockByNumber for these blocks. */
  serves: { logs: boolean; blocks: number[] };
  /** Calls the stale node answered. */
  answered: { logs: number; blocks: number };
  /** The hashes of the recorded branch's blocks. */
  hashes(): string[];
}

const lower = (value: string) => value.toLowerCase();

/** Whether `log` is one that `filter` asks for, by address and topics. */
function matches(log: RpcLog, filter: LogFilter): boolean {
  const addresses = filter.address === undefined ? undefined : [filter.address].flat().map(lower);
  if (addresses && !addresses.includes(lower(log.address))) return false;
  return (filter.topics ?? []).every((topic, i) => {
    if (topic === null) return true;
    const found = log.topics[i];
    return found !== undefined && [topic].flat().map(lower).includes(lower(found));
  });
}

export function staleNode(chain: EthereumProvider): StaleNode {
  let branch: { fork: number; logs: RpcLog[]; blocks: Map<number, { hash: string }> } | undefined;
  const serves: StaleNode["serves"] = { logs: false, blocks: [] };
  const answered = { logs: 0, blocks: 0 };

  async function logs(filter: LogFilter): Promise<unknown> {
    if (!branch) throw new Error("The stale node has recorded no branch");
    const { fork } = branch;
    if (filter.blockHash !== undefined) {
      const number = [...branch.blocks].find(([, block]) => block.hash === filter.blockHash)?.[0];
      if (number === undefined) return chain.request({ method: "eth_getLogs", params: [filter] });
      return branch.logs.filter((log) => Number(log.blockNumber) === number && matches(log, filter));
    }
    const from = Number(filter.fromBlock);
    const to = Number(filter.toBlock);
    // The blocks both branches share come from the chain, those above the fork from the recording.
    const shared =
      from <= fork
        ? ((await chain.request({
            method: "eth_getLogs",
            params: [{ ...filter, toBlock: `0x${Math.min(to, fork).toString(16)}` }],
          })) as RpcLog[])
        : [];
    const stale = branch.logs.filter((log) => {
      const number = Number(log.blockNumber);
      return number > fork && number >= from && number <= to && matches(log, filter);
    });
    return [...shared, ...stale];
  }

  return {
    serves,
    answered,
    hashes: () => [...(branch?.blocks.values() ?? [])].map((block) => block.hash),
    async record(fork) {
      const head = Number(await chain.request({ method: "eth_blockNumber", params: [] }));
      const blocks = new Map<number, { hash: string }>();
      for (let n = fork + 1; n <= head; n++) {
        blocks.set(
          n,
          (await chain.request({ method: "eth_getBlockByNumber", params: [`0x${n.toString(16)}`, false] })) as {
            hash: string;
          },
        );
      }
      const recorded = (await chain.request({
        method: "eth_getLogs",
        params: [{ fromBlock: `0x${(fork + 1).toString(16)}`, toBlock: `0x${head.toString(16)}` }],
      })) as RpcLog[];
      branch = { fork, logs: recorded, blocks };
    },
    provider: {
      async request({ method, params = [] }) {
        if (branch && method === "eth_getLogs" && serves.logs) {
          answered.logs++;
          return logs(params[0] as LogFilter);
        }
        if (branch && method === "eth_getBlockByNumber") {
          const number = Number(params[0]);
          const block = serves.blocks.includes(number) ? branch.blocks.get(number) : undefined;
          if (block) {
            answered.blocks++;
            return block;
          }
        }
        return chain.request({ method, params });
      },
    },
  };
}
