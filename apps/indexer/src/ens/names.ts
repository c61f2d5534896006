/**
 * The primary ENS names the API answers with (GET …/names): each lookup's answer kept in memory
 * in a bounded LRU (an hour for a name and for no name alike, a minute for a failure), lookups of
 * one account at the same time made once, and a request waiting a short while at most: a lookup
 * that fails or does not answer in time is null for that request. ENS never fails a request.
 * New lookups are rationed (600 a minute by default): a client asking for many accounts never
 * seen before cannot make the service spend ENS_RPC_URL's quota; past it, names are null for now.
 * A name is shown only as ENSIP-15 normalizes it, and not at all when longer than 255 characters.
 */
import type { Address } from "viem";
import { normalize } from "viem/ens";
import type { EnsResolver } from "./resolver.js";

export interface EnsNamesOptions {
  /** Accounts kept at most; the least recently asked go first. */
  maxEntries: number;
  /** How long a name, or the absence of one, is kept. */
  ttlMs: number;
  /** How long a failed or timed-out lookup is answered null before it is tried again. */
  failureTtlMs: number;
  /** How long a request waits for a lookup. */
  timeoutMs: number;
  /** New lookups allowed per minute, in a bucket refilled continuously; those over it answer null, unkept. */
  lookupsPerMinute: number;
  /** The clock, in milliseconds. */
  now: () => number;
}

export const ENS_NAMES_DEFAULTS: EnsNamesOptions = {
  maxEntries: 10_000,
  ttlMs: 60 * 60 * 1000,
  failureTtlMs: 60 * 1000,
  timeoutMs: 2_000,
  lookupsPerMinute: 600,
  now: Date.now,
};

/** The longest ENS name shown; DNS's limit on a whole name. */
const MAX_LENGTH = 255;

/** What one lookup found, and until when it holds. */
interface Entry {
  name: string | null;
  failed: boolean;
  expires: number;
}

export interface EnsLookup {
  /** Each account's primary name; null when it has none, or its lookup failed or timed out. */
  names: Map<Address, string | null>;
  /** False when a lookup failed or timed out: the same question may get another answer soon. */
  complete: boolean;
}

/** What the names route asks for ENS names. */
export interface EnsNameSource {
  lookup(accounts: readonly Address[]): Promise<EnsLookup>;
}

/** Without ENS_RPC_URL: every name null, and nothing asked of anyone. */
export const NO_ENS: EnsNameSource = {
  lookup: async (accounts) => ({ names: new Map(accounts.map((account) => [account, null])), complete: true }),
};

/** `name` as it may be shown: normalized already (as ENSIP-15 has it) and not too long; else null. */
export function displayable(name: string | null): string | null {
  if (name === null || name.length === 0 || name.length > MAX_LENGTH) return null;
  try {
    return normalize(name) === name ? name : null;
  } catch {
    return null;
  }
}

export class EnsNames implements EnsNameSource {
  private readonly options: EnsNamesOptions;
  /** Least recently asked first: a Map keeps its keys in the order they were (re)inserted. */
  private readonly entries = new Map<string, Entry>();
  private readonly pending = new Map<string, Promise<Entry>>();
  /** Lookups that may start now, and when that was counted. */
  private allowance: { lookups: number; at: number };

  constructor(
    private readonly resolve: EnsResolver,
    options: Partial<EnsNamesOptions> = {},
  ) {
    this.options = { ...ENS_NAMES_DEFAULTS, ...options };
    this.allowance = { lookups: this.options.lookupsPerMinute, at: this.options.now() };
  }

  /** Accounts whose answer is kept. */
  get size(): number {
    return this.entries.size;
  }

  async lookup(accounts: readonly Address[]): Promise<EnsLookup> {
    const found = await Promise.all(accounts.map((account) => this.one(account)));
    return {
      names: new Map(accounts.map((account, i) => [account, found[i]?.name ?? null])),
      complete: found.every((entry) => !entry.failed),
    };
  }

  private async one(account: Address): Promise<Entry> {
    const key = account.toLowerCase();
    const kept = this.entries.get(key);
    if (kept && kept.expires > this.options.now()) {
      this.entries.delete(key);
      this.entries.set(key, kept);
      return kept;
    }
    let lookup = this.pending.get(key);
    if (!lookup) {
      if (!this.mayLookUp()) return { name: null, failed: true, expires: 0 };
      const started: Promise<Entry> = Promise.resolve()
        .then(() => this.resolve(account))
        .then(
          (name) => this.keep(key, { name: displayable(name), failed: false }),
          () => this.keep(key, { name: null, failed: true }),
        )
        .finally(() => {
          if (this.pending.get(key) === started) this.pending.delete(key);
        });
      this.pending.set(key, started);
      lookup = started;
    }
    return this.within(key, lookup);
  }

  /**
   * `lookup`'s entry if it comes within the timeout; else a failure, kept so that the next requests
   * do not wait again. The lookup goes on, and its answer replaces the failure when it comes.
   */
  private within(key: string, lookup: Promise<Entry>): Promise<Entry> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<Entry>((resolve) => {
      timer = setTimeout(() => {
        if (this.pending.get(key) === lookup) this.pending.delete(key);
        resolve(this.keep(key, { name: null, failed: true }));
      }, this.options.timeoutMs);
      timer.unref();
    });
    return Promise.race([lookup, late]).finally(() => clearTimeout(timer));
  }

  /** Takes one lookup from the allowance, if there is one left. */
  private mayLookUp(): boolean {
    const { lookupsPerMinute, now } = this.options;
    const at = now();
    const refilled = this.allowance.lookups + ((at - this.allowance.at) * lookupsPerMinute) / 60_000;
    this.allowance = { lookups: Math.min(lookupsPerMinute, refilled), at };
    if (this.allowance.lookups < 1) return false;
    this.allowance.lookups -= 1;
    return true;
  }

  private keep(key: string, found: { name: string | null; failed: boolean }): Entry {
    const ttl = found.failed ? this.options.failureTtlMs : this.options.ttlMs;
    const entry: Entry = { ...found, expires: this.options.now() + ttl };
    this.entries.delete(key);
    this.entries.set(key, entry);
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.options.maxEntries) break;
      this.entries.delete(oldest);
    }
    return entry;
  }
}
