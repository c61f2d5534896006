/**
 * Outgoing webhooks, run by the one process that writes the index (ROLE=all or indexer). After each
 * committed range it reads the new entries of the collectives the range touched (and the inboxes
 * of members who subscribed) and owes each subscription one delivery per entry: a row in
 * webhook_deliveries, unique by subscription and entry, so an entry seen again (a reorg replaying
 * its block, a rebuild of the index, a restart) is not owed twice. A collective's subscription is
 * owed the entries after the chain's time when it was made (`since`), not the history before it.
 * Deliveries due are sent one after another: a POST of the body in the subscription's format,
 * signed (signature.ts), with a timeout. A 2xx is delivered; anything else is tried again after a
 * backoff that doubles (WEBHOOK_RETRY_BASE_MS, at most an hour) until WEBHOOK_MAX_ATTEMPTS, then the
 * delivery is dead: kept, with the last status and error, for the operator to read. The queue lives
 * in the database, so a restart picks up where it was.
 * A member's subscription may only reach public addresses (guard.ts), unless the operator allows
 * private ones.
 */
import { and, asc, eq, inArray, isNull, lte, notInArray, or, sql } from "drizzle-orm";
import { schema, type Database } from "@rhizome/db";
import type { Logger } from "../indexer.js";
import type { Entry, EntrySource } from "./entries.js";
import { body, type Format } from "./formats.js";
import { assertPublicUrl } from "./guard.js";
import type { OperatorWebhook } from "./config.js";
import { sign } from "./signature.js";

export interface DispatcherOptions {
  db: Database;
  source: EntrySource;
  /** The web client's public origin, which entries' paths are made absolute with. */
  publicUrl: string;
  maxAttempts: number;
  retryBaseMs: number;
  /** A delivery not answered in this many milliseconds failed. */
  timeoutMs: number;
  /** Let members' subscriptions reach private and loopback addresses (for a closed network, or tests). */
  allowPrivate: boolean;
  /**
   * Between ranges, members' inboxes are read again at most this often (30 s): replies and
   * mentions arrive without the chain moving.
   */
  inboxIntervalMs?: number;
  log: Logger;
}

/** Deliveries sent in one pass at most; the next pass takes the rest. */
const PASS = 50;
const MAX_BACKOFF_MS = 60 * 60 * 1000;
const INBOX_INTERVAL_MS = 30_000;

type Subscription = typeof schema.webhookSubscriptions.$inferSelect;

export class WebhookDispatcher {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();
  private stopped = false;
  /** When members' inboxes were last read, in milliseconds. */
  private inboxesRead = 0;

  constructor(private readonly options: DispatcherOptions) {}

  /** The delay before attempt `attempts + 1`, after `attempts` failed ones. */
  backoff(attempts: number): number {
    return Math.min(MAX_BACKOFF_MS, this.options.retryBaseMs * 2 ** Math.max(0, attempts - 1));
  }

  /** Owes each matching subscription the entries it has not been owed yet. */
  async enqueue(collectives: string[]): Promise<number> {
    const { db, source } = this.options;
    const subscriptions = await db
      .select()
      .from(schema.webhookSubscriptions)
      .where(
        and(
          eq(schema.webhookSubscriptions.active, true),
          or(
            isNull(schema.webhookSubscriptions.collective),
            collectives.length > 0 ? inArray(schema.webhookSubscriptions.collective, collectives) : sql`false`,
          ),
        ),
      );
    this.inboxesRead = Date.now();
    if (subscriptions.length === 0) return 0;
    const byCollective = new Map<string, Promise<Entry[]>>();
    const entriesOf = (collective: string) => {
      let entries = byCollective.get(collective);
      if (!entries) byCollective.set(collective, (entries = source.collective(collective)));
      return entries;
    };
    let owed = 0;
    for (const subscription of subscriptions) {
      const entries: Entry[] = [];
      if (subscription.account) entries.push(...(await source.inbox(subscription.account)));
      else {
        const from = subscription.collective ? [subscription.collective] : collectives;
        for (const collective of from) {
          entries.push(...(await entriesOf(collective)).filter((e) => e.time > subscription.since));
        }
      }
      owed += await this.owe(subscription, entries);
    }
    return owed;
  }

  private async owe(subscription: Subscription, entries: Entry[]): Promise<number> {
    if (entries.length === 0) return 0;
    const rows = [...entries]
      .sort((a, b) => a.time - b.time)
      .map((entry) => ({
        subscriptionId: subscription.id,
        entryId: entry.id,
        payload: body(subscription.format as Format, entry, new URL(entry.path, this.options.publicUrl).href),
      }));
    const inserted = await this.options.db
      .insert(schema.webhookDeliveries)
      .values(rows)
      .onConflictDoNothing()
      .returning({ id: schema.webhookDeliveries.id });
    return inserted.length;
  }

  /** Sends the deliveries that are due, oldest first; resolves with how many succeeded. */
  async deliverDue(): Promise<number> {
    const { db } = this.options;
    const due = await db
      .select({ delivery: schema.webhookDeliveries, subscription: schema.webhookSubscriptions })
      .from(schema.webhookDeliveries)
      .innerJoin(
        schema.webhookSubscriptions,
        eq(schema.webhookSubscriptions.id, schema.webhookDeliveries.subscriptionId),
      )
      .where(
        and(
          eq(schema.webhookDeliveries.status, "pending"),
          lte(schema.webhookDeliveries.nextAttemptAt, sql`now()`),
          eq(schema.webhookSubscriptions.active, true),
        ),
      )
      .orderBy(asc(schema.webhookDeliveries.id))
      .limit(PASS);
    let delivered = 0;
    for (const { delivery, subscription } of due) {
      if (this.stopped) break;
      const outcome = await this.send(subscription, delivery.id, JSON.stringify(delivery.payload));
      const attempts = delivery.attempts + 1;
      if (outcome.ok) {
        delivered++;
        await db
          .update(schema.webhookDeliveries)
          .set({ status: "delivered", attempts, lastStatus: outcome.status, lastError: null, deliveredAt: sql`now()` })
          .where(eq(schema.webhookDeliveries.id, delivery.id));
        continue;
      }
      const dead = attempts >= this.options.maxAttempts;
      await db
        .update(schema.webhookDeliveries)
        .set({
          status: dead ? "dead" : "pending",
          attempts,
          lastStatus: outcome.status ?? null,
          lastError: outcome.error.slice(0, 500),
          nextAttemptAt: sql`now() + ${`${this.backoff(attempts)} milliseconds`}::interval`,
        })
        .where(eq(schema.webhookDeliveries.id, delivery.id));
      this.options.log.warn(
        { subscription: subscription.id, delivery: delivery.id, attempts, status: outcome.status, dead },
        dead ? "a webhook delivery failed for the last time" : "a webhook delivery failed; it is tried again later",
      );
    }
    return delivered;
  }

  private async send(
    subscription: Subscription,
    id: number,
    payload: string,
  ): Promise<{ ok: true; status: number } | { ok: false; status?: number; error: string }> {
    try {
      if (subscription.source === "member" && !this.options.allowPrivate) await assertPublicUrl(subscription.url);
      const timestamp = Math.floor(Date.now() / 1000);
      const response = await fetch(subscription.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "user-agent": "Rhizome-Webhooks",
          "x-rhizome-delivery": String(id),
          "x-rhizome-timestamp": String(timestamp),
          "x-rhizome-signature": sign(subscription.secret, timestamp, payload),
        },
        body: payload,
        redirect: "manual",
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      await response.body?.cancel();
      if (response.ok) return { ok: true, status: response.status };
      return { ok: false, status: response.status, error: `answered ${response.status} ${response.statusText}` };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  }

  /**
   * Runs one pass (owe the entries of `collectives`, then send what is due) after the one before
   * it: passes never overlap. A pass without a range still owes members what their inboxes gained
   * off the chain (replies, mentions), when they were last read `inboxIntervalMs` ago.
   */
  pass(collectives: string[]): Promise<void> {
    this.running = this.running
      .then(async () => {
        if (this.stopped) return;
        const inboxDue = Date.now() - this.inboxesRead >= (this.options.inboxIntervalMs ?? INBOX_INTERVAL_MS);
        if (collectives.length > 0 || inboxDue) await this.enqueue(collectives);
        await this.deliverDue();
      })
      .catch((error: unknown) => this.options.log.warn({ error: String(error) }, "a webhook pass failed"));
    return this.running;
  }

  /** Sends what is due now and every `intervalMs` (retries come due between ranges). */
  start(intervalMs: number): void {
    void this.pass([]);
    this.timer = setInterval(() => void this.pass([]), intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
  }
}

/**
 * Makes the operator's subscriptions those of the configuration: new ones hear what happens after
 * `since` (the chain's head time when the service reached it: what the chain held then is
 * history), changed ones are updated, removed ones made inactive (their log stays). A subscription
 * keeps its `since` across restarts: what happened while the service was down is still told.
 */
export async function syncOperatorWebhooks(db: Database, webhooks: OperatorWebhook[], since: number): Promise<void> {
  const t = schema.webhookSubscriptions;
  await db.transaction(async (tx) => {
    for (const webhook of webhooks) {
      const row = { ...webhook, source: "operator", account: null, active: true, since };
      await tx
        .insert(t)
        .values(row)
        .onConflictDoUpdate({
          target: t.id,
          set: { url: row.url, format: row.format, secret: row.secret, active: true },
        });
    }
    const ids = webhooks.map((w) => w.id);
    await tx
      .update(t)
      .set({ active: false })
      .where(and(eq(t.source, "operator"), ids.length > 0 ? notInArray(t.id, ids) : sql`true`));
  });
}
