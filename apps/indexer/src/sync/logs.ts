/**
 * What one range (or one block, by hash) holds for the indexer: the logs of the factory and of
 * every known module, asked in one eth_getLogs (an address list), and ERC-20 deposits into
 * treasuries, asked concurrently. Collectives the factory creates in the range join the registry
 * here, and the range is asked again for their modules alone, from the block that created them.
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
 * The most block ranges a range's logs are asked in at once (see LogOptions.parts): the chain
 * serves one part while the indexer receives another, instead of building one answer of megabytes
 * before sending.
 */
export const LOG_PARTS = 4;

/**
 * Addresses (or treasury topics) in one log filter, at most. Nodes and providers cap a filter's
 * size (Infura at 5,000 parameters in a request; others lower and not always documented), and
 * each collective adds five modules: past a hundred collectives, a filter is asked in several.
 */
export const ADDRESSES_PER_FILTER = 500;

export interface LogOptions {
  /**
   * Block ranges to ask the range's logs in, concurrently (1 by default): worth it for a range
   * expected to answer many logs, a waste of calls for a quiet one.
   */
  parts?: number;
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * The range's logs, in no particular order (decoding sorts them). The factory's logs and those of
 * the collectives known before the range are asked at once; collectives the range itself creates
 * are asked for in a second round from their creation block, which the union makes the same as
 * asking for all of them at the end.
 */
export async function fetchLogs(
  rpc: Rpc,
  registry: Registry,
  factory: Address,
  range: BlockRange | { blockHash: Hex },
  options: LogOptions = {},
): Promise<RawLog[]> {
  const knownAddresses = registry.addresses();
  const knownTreasuries = registry.treasuryAddresses();
  const [known, knownDeposits] = await Promise.all([
    addressLogs(rpc, range, [factory, ...knownAddresses], options.parts ?? 1),
    depositLogs(rpc, range, knownTreasuries),
  ]);
  const factoryKey = factory.toLowerCase();
  const created = collectivesCreated(known.filter((log) => log.address.toLowerCase() === factoryKey));
  let added: RawLog[] = [];
  let addedDeposits: RawLog[] = [];
  if (created.length > 0) {
    for (const { modules } of created) registry.add(modules);
    const before = new Set<string>(knownAddresses);
    const treasuriesBefore = new Set<string>(knownTreasuries);
    // A module has no log before the block that created it.
    const firstCreation = Math.min(
      ...known.filter((log) => log.address.toLowerCase() === factoryKey).map((log) => Number(log.blockNumber)),
    );
    const rest =
      "blockHash" in range ? range : { fromBlock: Math.max(range.fromBlock, firstCreation), toBlock: range.toBlock };
    [added, addedDeposits] = await Promise.all([
      addressLogs(
        rpc,
        rest,
        registry.addresses().filter((address) => !before.has(address)),
        1,
      ),
      depositLogs(
        rpc,
        rest,
        registry.treasuryAddresses().filter((address) => !treasuriesBefore.has(address)),
      ),
    ]);
  }
  // A transfer from a module into a treasury is that module's log, whichever round found it.
  const isDeposit = (log: RawLog) => !registry.lookup(log.address) && log.address.toLowerCase() !== factoryKey;
  return [...known, ...added, ...knownDeposits.filter(isDeposit), ...addedDeposits.filter(isDeposit)];
}

/** These addresses' logs, in `parts` block ranges at once; nothing asked for none. */
async function addressLogs(
  rpc: Rpc,
  range: BlockRange | { blockHash: Hex },
  addresses: Address[],
  parts: number,
): Promise<RawLog[]> {
  // An empty address list would ask for every log of the chain.
  if (addresses.length === 0) return [];
  const answers = await Promise.all(
    inParts(range, parts).flatMap((part) =>
      chunks(addresses, ADDRESSES_PER_FILTER).map((address) => rpc.logs({ ...part, address })),
    ),
  );
  return answers.flat();
}

/** The ERC-20 transfers into these treasuries, from any token; nothing asked for none. */
async function depositLogs(rpc: Rpc, range: BlockRange | { blockHash: Hex }, treasuries: Address[]): Promise<RawLog[]> {
  const answers = await Promise.all(
    chunks(treasuries, ADDRESSES_PER_FILTER).map((chunk) =>
      rpc.logs({ ...range, topics: [TRANSFER_TOPIC, null, chunk.map((address) => pad(address))] }),
    ),
  );
  return answers.flat();
}

/**
 * A block range cut into up to `parts` consecutive ranges of about the same width; a block hash
 * as it is. A part the RPC refuses refuses the range, which then shrinks as before.
 */
function inParts(range: BlockRange | { blockHash: Hex }, parts: number): (BlockRange | { blockHash: Hex })[] {
  if ("blockHash" in range) return [range];
  const span = range.toBlock - range.fromBlock + 1;
  const count = Math.max(1, Math.min(parts, LOG_PARTS, span));
  return Array.from({ length: count }, (_, i) => ({
    fromBlock: range.fromBlock + Math.floor((span * i) / count),
    toBlock: range.fromBlock + Math.floor((span * (i + 1)) / count) - 1,
  }));
}
