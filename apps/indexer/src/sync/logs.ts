/**
 * What one range (or one block, by hash) holds for the indexer: the factory's logs, every known
 * module's logs and ERC-20 deposits into treasuries, asked of the RPC concurrently. Collectives
 * the factory creates in the range join the registry here, and their logs are asked for then.
 * The factory's logs are decoded here, once: decodeLogs takes their decoding when it meets them.
 */
import { encodeEventTopics, erc20Abi, pad, type Address, type Hex } from "viem";
import { collectivesCreated } from "./decode.js";
import type { Registry } from "./registry.js";
import type { RawLog, Rpc } from "./rpc.js";

export interface BlockRange {
  fromBlock: number;
  toBlock: number;
}

const TRANSFER_TOPIC = encodeEventTopics({ abi: erc20Abi, eventName: "Transfer" })[0] as Hex;

/**
 * A range's module logs are asked in this many block ranges at once: the chain serves one part
 * while the indexer receives another, instead of building one answer of megabytes before sending.
 */
const LOG_PARTS = 4;

/**
 * Addresses (or treasury topics) in one log filter, at most. Nodes and providers cap a filter's
 * size (Infura at 5,000 parameters in a request; others lower and not always documented), and
 * each collective adds five modules: past a hundred collectives, a filter is asked in several.
 */
export const ADDRESSES_PER_FILTER = 500;

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * The range's logs, in no particular order (decoding sorts them). The factory's logs and those of
 * the collectives known before the range are asked at once; collectives the range itself creates
 * are asked for in a second round, which the union makes the same as asking for all at the end.
 */
export async function fetchLogs(
  rpc: Rpc,
  registry: Registry,
  factory: Address,
  range: BlockRange | { blockHash: Hex },
): Promise<RawLog[]> {
  const knownAddresses = registry.addresses();
  const knownTreasuries = registry.treasuryAddresses();
  const [factoryLogs, known] = await Promise.all([
    rpc.logs({ ...range, address: [factory] }),
    moduleAndDepositLogs(rpc, range, knownAddresses, knownTreasuries),
  ]);
  for (const { modules } of collectivesCreated(factoryLogs)) registry.add(modules);
  const before = new Set<string>(knownAddresses);
  const added = await moduleAndDepositLogs(
    rpc,
    range,
    registry.addresses().filter((address) => !before.has(address)),
    registry.treasuryAddresses().filter((address) => !knownTreasuries.includes(address)),
  );
  // A transfer from a module into a treasury is that module's log, whichever round found it.
  const isDeposit = (log: RawLog) => !registry.lookup(log.address);
  return [
    ...factoryLogs,
    ...known.modules,
    ...added.modules,
    ...known.deposits.filter(isDeposit),
    ...added.deposits.filter(isDeposit),
  ];
}

/** These modules' logs and the deposits into these treasuries; nothing asked for none. */
async function moduleAndDepositLogs(
  rpc: Rpc,
  range: BlockRange | { blockHash: Hex },
  addresses: Address[],
  treasuries: Address[],
): Promise<{ modules: RawLog[]; deposits: RawLog[] }> {
  // An empty address list would ask for every log of the chain.
  if (addresses.length === 0) return { modules: [], deposits: [] };
  const [modules, deposits] = await Promise.all([
    Promise.all(
      inParts(range).flatMap((part) =>
        chunks(addresses, ADDRESSES_PER_FILTER).map((address) => rpc.logs({ ...part, address })),
      ),
    ).then((parts) => parts.flat()),
    Promise.all(
      chunks(treasuries, ADDRESSES_PER_FILTER).map((chunk) =>
        rpc.logs({ ...range, topics: [TRANSFER_TOPIC, null, chunk.map((address) => pad(address))] }),
      ),
    ).then((parts) => parts.flat()),
  ]);
  return { modules, deposits };
}

/**
 * A block range cut into up to LOG_PARTS consecutive ranges of about the same width; a block
 * hash as it is. A part the RPC refuses refuses the range, which then shrinks as before.
 */
function inParts(range: BlockRange | { blockHash: Hex }): (BlockRange | { blockHash: Hex })[] {
  if ("blockHash" in range) return [range];
  const span = range.toBlock - range.fromBlock + 1;
  const count = Math.min(LOG_PARTS, span);
  return Array.from({ length: count }, (_, i) => ({
    fromBlock: range.fromBlock + Math.floor((span * i) / count),
    toBlock: range.fromBlock + Math.floor((span * (i + 1)) / count) - 1,
  }));
}
