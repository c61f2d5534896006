/**
 * The pace of calls to the RPC, learned from its rate limit: no limit until the provider answers a
 * 429, then a rate in calls per second that goes down on each rate limit and slowly up while calls
 * succeed (additive increase, multiplicative decrease, as TCP finds a link's capacity). Every call
 * takes a slot before it goes out, so calls stay under the provider's budget instead of spending
 * it on refusals. A wait the provider asks for (Retry-After) holds every call, not only the refused
 * one. Pure: the clock is passed in, and the caller waits what `reserve` says.
 */

export interface PacerOptions {
  /** The clock, in milliseconds (performance.now by default). */
  now?: () => number;
  /** The slowest pace a rate limit brings the calls down to, in calls per second (2). */
  minRate?: number;
  /** The share of the rate kept on a rate limit (0.7). */
  decrease?: number;
  /** Calls per second added per second of calls without a rate limit (1). */
  growth?: number;
  /** How long an idle pacer lets calls catch up at once, in milliseconds (250). */
  burstMs?: number;
}

/** The window over which the calls the provider answered are counted, to find its rate. */
const WINDOW_MS = 1_000;

export class Pacer {
  private readonly now: () => number;
  private readonly minRate: number;
  private readonly decrease: number;
  private readonly growth: number;
  private readonly burstMs: number;
  /** Calls per second; Infinity until the first rate limit. */
  private pace = Number.POSITIVE_INFINITY;
  /** When the next call may start. */
  private nextSlot = 0;
  /** No call starts before this (a wait the provider asked for). */
  private pausedUntil = 0;
  /** When the rate last went down: rate limits of calls sent before it were already counted. */
  private decreasedAt = Number.NEGATIVE_INFINITY;
  /** When the calls the provider answered in the last WINDOW_MS were answered. */
  private readonly answered: number[] = [];

  constructor(options: PacerOptions = {}) {
    this.now = options.now ?? (() => performance.now());
    this.minRate = options.minRate ?? 2;
    this.decrease = options.decrease ?? 0.7;
    this.growth = options.growth ?? 1;
    this.burstMs = options.burstMs ?? 250;
  }

  /** Calls per second the pacer lets through (Infinity while the provider has not limited them). */
  get rate(): number {
    return this.pace;
  }

  /**
   * Takes the next slot for a call: the milliseconds to wait before sending it (0: at once), and
   * the time it is sent, to give back with its outcome.
   */
  reserve(): { waitMs: number; sentAt: number } {
    const now = this.now();
    const start = Math.max(this.pausedUntil, Number.isFinite(this.pace) ? this.nextSlot : now, now - this.burstMs);
    const sentAt = Math.max(start, now);
    this.nextSlot = start + (Number.isFinite(this.pace) ? 1000 / this.pace : 0);
    return { waitMs: sentAt - now, sentAt };
  }

  /** A call the provider answered: the pace grows by `growth` calls per second per second. */
  succeeded(): void {
    const now = this.now();
    this.answered.push(now);
    while (this.answered.length > 0 && (this.answered[0] ?? now) < now - WINDOW_MS) this.answered.shift();
    if (Number.isFinite(this.pace)) this.pace += this.growth / this.pace;
  }

  /**
   * A call sent at `sentAt` was refused for the rate limit, asking to wait `retryAfterMs` if the
   * provider said. The pace goes down once per pace: the calls sent before the last decrease were
   * sent too fast already, and their refusals say nothing new. The first rate limit starts the
   * pace from the calls the provider answered in the last second.
   */
  rateLimited(sentAt: number, retryAfterMs?: number): void {
    const now = this.now();
    if (retryAfterMs !== undefined && retryAfterMs > 0)
      this.pausedUntil = Math.max(this.pausedUntil, now + retryAfterMs);
    if (sentAt < this.decreasedAt) return;
    const recent = this.answered.filter((t) => t >= now - WINDOW_MS).length;
    const from = Number.isFinite(this.pace) ? this.pace : Math.max(recent, this.minRate);
    this.pace = Math.max(this.minRate, from * this.decrease);
    this.decreasedAt = now;
  }
}
