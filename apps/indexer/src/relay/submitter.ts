/**
 * The relay's one submitter: it sends the queued relays from the relayer's account and follows them
 * to a receipt. It runs in the one process that writes the index (ROLE=all or indexer), whose
 * writer's lock (an advisory lock on Postgres, a lock file on PGlite) already makes it the only one;
 * API replicas only queue, in the table this reads.
 *
 * Nonces: each relay is given the next one, max(the highest given + 1, the chain's pending count),
 * kept in its row before its transaction is signed, so a restart never gives it twice (the row's
 * unique index would refuse it) and never skips one unless another sender used the key meanwhile.
 * A transaction is signed locally (deterministically: the same nonce and fees give the same hash),
 * its hash stored, then broadcast: a restart between the two sends it again under the same hash.
 * One not mined after RELAY_REPLACE_AFTER_MS is replaced: the same nonce, fees raised by at least an
 * eighth (what nodes require of a replacement) and to what the chain asks now. Receipts settle each
 * relay as mined or failed, with the contract's error in words.
 */
import { BaseError, keccak256, type Address, type Hash, type Hex, type PublicClient } from "viem";
import type { Database } from "@rhizome/db";
import type { Relay } from "@rhizome/client/schemas";
import type { Logger } from "../indexer.js";
import { errorText } from "../sync/rpc.js";
import type { RelayConfig } from "./config.js";
import { relayStore, relayView, type RelayRow } from "./store.js";
import { revertWords } from "./words.js";

export interface SubmitterOptions {
  db: Database;
  client: PublicClient;
  config: RelayConfig;
  chainId: number;
  log: Logger;
  /** Told of every change of a relay's status. */
  changed?: (relay: Relay) => void;
}

/** A fee raised for a replacement: by an eighth and one wei at least, to `floor` if that is higher. */
const bump = (fee: bigint, floor: bigint) => {
  const raised = fee + fee / 8n + 1n;
  return raised > floor ? raised : floor;
};

export class RelaySubmitter {
  private readonly store;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();
  private again = false;
  private stopped = false;

  constructor(private readonly options: SubmitterOptions) {
    this.store = relayStore(options.db);
  }

  private get relayer() {
    return this.options.config.account.address;
  }

  /** Runs a pass now, or right after the one running; resolves when it is done. */
  pass(): Promise<void> {
    if (this.stopped) return this.running;
    this.again = true;
    this.running = this.running.then(async () => {
      while (this.again && !this.stopped) {
        this.again = false;
        try {
          await this.passOnce();
        } catch (error) {
          this.options.log.warn({ error: errorText(error).slice(0, 300) }, "the relay's pass failed; it runs again");
        }
      }
    });
    return this.running;
  }

  /** Passes every `intervalMs` (receipts, replacements, and relays queued by API replicas). */
  start(intervalMs: number): void {
    void this.pass();
    this.timer = setInterval(() => void this.pass(), intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  private async passOnce(): Promise<void> {
    const pending = await this.store.pending(this.options.chainId, this.relayer);
    for (const row of pending) {
      if (this.stopped) return;
      if (row.nonce === null) await this.send(row);
      else await this.follow(row);
    }
  }

  private async nextNonce(): Promise<number> {
    const { client, chainId } = this.options;
    const [last, onChain] = await Promise.all([
      this.store.lastNonce(chainId, this.relayer),
      client.getTransactionCount({ address: this.relayer, blockTag: "pending" }),
    ]);
    return Math.max(last + 1, onChain);
  }

  /** Gives a queued relay its nonce and sends it. */
  private async send(row: RelayRow): Promise<void> {
    const nonce = await this.nextNonce();
    await this.store.assign(row.id, nonce);
    const fees = await this.options.client.estimateFeesPerGas();
    const refused = await this.broadcast({ ...row, nonce }, fees, true);
    if (refused !== undefined) {
      // The node did not take it, so the nonce was not used: the last one given, it is given back.
      await this.store.refused(row.id, refused);
      this.tell(row.id);
    }
  }

  /**
   * Signs the relay's transaction at its nonce and these fees, records the hash, then broadcasts it.
   * Resolves with why, in words, when the node answered that it refuses it (not when it could not be
   * reached, or knows it already).
   */
  private async broadcast(
    row: RelayRow & { nonce: number },
    fees: { maxFeePerGas: bigint; maxPriorityFeePerGas: bigint },
    record: boolean,
  ): Promise<string | undefined> {
    const { client, config, chainId } = this.options;
    const raw = await config.account.signTransaction({
      type: "eip1559",
      chainId,
      nonce: row.nonce,
      to: row.target as Address,
      data: row.data as Hex,
      gas: row.gasLimit,
      ...fees,
    });
    const hash = keccak256(raw);
    if (record) {
      await this.store.sent(row, hash, fees);
      this.tell(row.id);
    }
    try {
      await client.sendRawTransaction({ serializedTransaction: raw });
    } catch (error) {
      const text = errorText(error);
      // Known already (sent before a restart): nothing to do.
      if (/already known|already imported|known transaction/i.test(text)) return undefined;
      // A JSON-RPC error (a numeric code) is the node's answer: it refused the transaction.
      const answered =
        error instanceof BaseError && error.walk((e) => typeof (e as { code?: unknown }).code === "number");
      if (answered && record && row.txHashes.length === 0) return refusalWords(text);
      // Unreached, or a replacement refused: follow() sees to it on the next pass.
      this.options.log.warn(
        { relay: row.id, nonce: row.nonce, error: text.slice(0, 300) },
        "a relay's broadcast failed",
      );
    }
    return undefined;
  }

  /** Looks for the receipt of any of a sent relay's transactions; replaces it when it is stuck. */
  private async follow(row: RelayRow): Promise<void> {
    const { client, config } = this.options;
    const nonce = row.nonce as number;
    for (const hash of [...row.txHashes].reverse()) {
      const receipt = await client.getTransactionReceipt({ hash: hash as Hash }).catch(() => undefined);
      if (!receipt) continue;
      const cost = receipt.gasUsed * receipt.effectiveGasPrice;
      const base = { gasUsed: receipt.gasUsed, cost, blockNumber: Number(receipt.blockNumber) };
      if (receipt.status === "success") await this.store.settle(row.id, { status: "mined", ...base });
      else await this.store.settle(row.id, { status: "failed", error: await this.whyReverted(row), ...base });
      this.tell(row.id);
      return;
    }
    const mined = await client.getTransactionCount({ address: this.relayer, blockTag: "latest" });
    if (mined > nonce) {
      // The nonce is spent, but by none of this relay's transactions (the key sent another).
      await this.store.settle(row.id, {
        status: "failed",
        error: "Another transaction from the relayer's account took its place: ask for it again.",
      });
      this.tell(row.id);
      return;
    }
    const last = row.txHashes.at(-1) as Hash | undefined;
    const known = last && (await client.getTransaction({ hash: last }).catch(() => undefined));
    const sentAt = row.sentAt ? new Date(row.sentAt).getTime() : 0;
    const stuck = Date.now() - sentAt >= config.replaceAfterMs;
    const oldFees = {
      maxFeePerGas: row.maxFeePerGas ?? 0n,
      maxPriorityFeePerGas: row.maxPriorityFeePerGas ?? 0n,
    };
    if (!known && !stuck && row.maxFeePerGas !== null) {
      // Lost before it reached the node (a restart between recording and broadcasting): the same
      // transaction again, under the same hash.
      await this.broadcast({ ...row, nonce }, oldFees, false);
      return;
    }
    if (!stuck) return;
    const now = await client.estimateFeesPerGas();
    const fees = {
      maxFeePerGas: bump(oldFees.maxFeePerGas, now.maxFeePerGas),
      maxPriorityFeePerGas: bump(oldFees.maxPriorityFeePerGas, now.maxPriorityFeePerGas),
    };
    if (fees.maxPriorityFeePerGas > fees.maxFeePerGas) fees.maxFeePerGas = fees.maxPriorityFeePerGas;
    this.options.log.info({ relay: row.id, nonce, ...stringify(fees) }, "replacing a stuck relay with higher fees");
    await this.broadcast({ ...row, nonce }, fees, true);
  }

  /** The contract's error, replayed where the transaction ran, in words. */
  private async whyReverted(row: RelayRow): Promise<string> {
    try {
      await this.options.client.call({ account: this.relayer, to: row.target as Address, data: row.data as Hex });
    } catch (error) {
      const words = revertWords(error);
      if (words) return words;
    }
    return "The transaction reverted.";
  }

  private tell(id: string): void {
    const changed = this.options.changed;
    if (!changed) return;
    void this.store.get(id).then((row) => row && changed(relayView(row)));
  }
}

/** Why the node refused a relay's first transaction, in words. */
const refusalWords = (text: string) =>
  /insufficient funds|balance/i.test(text)
    ? "The relay ran out of ETH before it could send this: send it yourself."
    : `The chain's node refused the relay's transaction: ${text.slice(0, 200)}`;

const stringify = (fees: Record<string, bigint>) =>
  Object.fromEntries(Object.entries(fees).map(([k, v]) => [k, v.toString()]));
