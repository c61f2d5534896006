/** Webhook subscriptions made by members, and any webhook's delivery log. */
import { and, count, desc, eq, gt, sql } from "drizzle-orm";
import { schema, type Database } from "@rhizome/db";
import type { WebhookFormat, WebhookLog } from "@rhizome/client/schemas";
import { chainNow } from "./proposal-state.js";

/** Webhooks one member may have at once. */
export const MEMBER_WEBHOOKS = 5;
/** Deliveries a log shows. */
const LOG_LENGTH = 50;

export interface NewMemberWebhook {
  id: string;
  account: string;
  url: string;
  format: WebhookFormat;
  secret: string;
  signed: unknown;
}

export function webhooksRepository(db: Database) {
  return {
    /** Whether `account` holds shares in any collective. */
    async isMember(account: string): Promise<boolean> {
      const [row] = await db
        .select({ n: count() })
        .from(schema.members)
        .where(and(eq(schema.members.account, account), gt(schema.members.shares, 0n)));
      return (row?.n ?? 0) > 0;
    },

    async activeOf(account: string): Promise<number> {
      const [row] = await db
        .select({ n: count() })
        .from(schema.webhookSubscriptions)
        .where(and(eq(schema.webhookSubscriptions.account, account), eq(schema.webhookSubscriptions.active, true)));
      return row?.n ?? 0;
    },

    /** Stores a member's webhook; false if one with this id (this signed request) exists. */
    async subscribe(webhook: NewMemberWebhook): Promise<boolean> {
      const inserted = await db
        .insert(schema.webhookSubscriptions)
        .values({ ...webhook, source: "member", collective: null, since: sql`${chainNow}` })
        .onConflictDoNothing()
        .returning({ id: schema.webhookSubscriptions.id });
      return inserted.length === 1;
    },

    /** Ends `account`'s webhook `id`; false if they have none by that id. */
    async unsubscribe(account: string, id: string): Promise<boolean> {
      const updated = await db
        .update(schema.webhookSubscriptions)
        .set({ active: false })
        .where(and(eq(schema.webhookSubscriptions.id, id), eq(schema.webhookSubscriptions.account, account)))
        .returning({ id: schema.webhookSubscriptions.id });
      return updated.length === 1;
    },

    async log(id: string): Promise<WebhookLog | undefined> {
      const [subscription] = await db
        .select()
        .from(schema.webhookSubscriptions)
        .where(eq(schema.webhookSubscriptions.id, id));
      if (!subscription) return undefined;
      const deliveries = await db
        .select()
        .from(schema.webhookDeliveries)
        .where(eq(schema.webhookDeliveries.subscriptionId, id))
        .orderBy(desc(schema.webhookDeliveries.id))
        .limit(LOG_LENGTH);
      return {
        id,
        format: subscription.format as WebhookFormat,
        active: subscription.active,
        deliveries: deliveries.map((d) => ({
          id: d.id,
          entry: d.entryId,
          status: d.status as "pending" | "delivered" | "dead",
          attempts: d.attempts,
          lastStatus: d.lastStatus,
          lastError: d.lastError,
          createdAt: d.createdAt,
          nextAttemptAt: d.status === "pending" ? d.nextAttemptAt : null,
          deliveredAt: d.deliveredAt,
        })),
      };
    },
  };
}

export type WebhooksRepository = ReturnType<typeof webhooksRepository>;
