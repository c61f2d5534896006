/** Work items of a collective, by state, principle and contributor, and their objections. */
import { and, eq, getTableColumns, sql } from "drizzle-orm";
import { schema, type Database } from "@rhizome/db";
import type { Page, PageQuery, Objection, WorkItem, WorkQuery, WorkState } from "@rhizome/client/schemas";
import { Keyset, textBudget } from "./page.js";

const w = schema.workItems;
const pr = schema.principles;

const byId = new Keyset("work", ["int"]);
const byObjection = new Keyset("objections", ["int", "text"]);

type Row = { item: typeof w.$inferSelect; principleName: string | null };

const toWorkItem = ({ item, principleName }: Row): WorkItem => ({
  workId: item.workId,
  title: item.title,
  specUri: item.specUri,
  principle: item.principle,
  principleName,
  contributor: item.contributor,
  reward: item.reward.toString(),
  paymentToken: item.paymentToken,
  paymentAmount: item.paymentAmount.toString(),
  state: item.state as WorkState,
  deliveryUri: item.deliveryUri,
  reviewEnds: item.reviewEnds,
  objectionQuorum: item.objectionQuorum?.toString() ?? null,
  objectionWeight: item.objections.toString(),
  commissionedAt: item.commissionedAt,
  deliveredAt: item.deliveredAt,
  settledAt: item.settledAt,
  txHash: item.txHash,
});

export function workRepository(db: Database) {
  const select = () =>
    db
      .select({ item: w, principleName: pr.name })
      .from(w)
      .leftJoin(pr, and(eq(pr.collective, w.collective), eq(pr.index, w.principle)));

  return {
    /** Work items newest first. */
    async list(collective: string, query: WorkQuery): Promise<Page<WorkItem>> {
      const budget = textBudget([w.specUri, w.deliveryUri], [w.workId], "desc");
      const item = {
        ...getTableColumns(w),
        specUri: budget.read<string>(w.specUri),
        deliveryUri: budget.read<string | null>(w.deliveryUri),
      };
      const rows = await db
        .select({ item, principleName: pr.name, fits: budget.fits })
        .from(w)
        .leftJoin(pr, and(eq(pr.collective, w.collective), eq(pr.index, w.principle)))
        .where(
          and(
            eq(w.collective, collective),
            query.state === undefined ? undefined : eq(w.state, query.state),
            query.principle === undefined ? undefined : eq(w.principle, query.principle),
            query.contributor === undefined ? undefined : eq(w.contributor, query.contributor),
            byId.after(query.cursor, [w.workId], "desc"),
          ),
        )
        .orderBy(sql`${w.workId} DESC`)
        .limit(query.limit + 1);
      return byId.page(
        rows,
        query.limit,
        ({ item }) => [item.workId],
        toWorkItem,
        ({ fits }) => fits,
      );
    },

    async get(collective: string, workId: number): Promise<WorkItem | undefined> {
      const [row] = await select().where(and(eq(w.collective, collective), eq(w.workId, workId)));
      return row && toWorkItem(row);
    },

    /** The objections to a work item, newest first. */
    async objections(collective: string, workId: number, query: PageQuery): Promise<Page<Objection>> {
      const o = schema.objections;
      const columns = [o.timestamp, o.objector];
      const budget = textBudget([o.reason], columns, "desc");
      const rows = await db
        .select({ ...getTableColumns(o), reason: budget.read<string>(o.reason), fits: budget.fits })
        .from(o)
        .where(
          and(eq(o.collective, collective), eq(o.workId, workId), byObjection.after(query.cursor, columns, "desc")),
        )
        .orderBy(sql`${o.timestamp} DESC`, sql`${o.objector} DESC`)
        .limit(query.limit + 1);
      return byObjection.page(
        rows,
        query.limit,
        (row) => [row.timestamp, row.objector],
        (row) => ({
          objector: row.objector,
          weight: row.weight.toString(),
          reason: row.reason,
          timestamp: row.timestamp,
        }),
        (row) => row.fits,
      );
    },
  };
}

export type WorkRepository = ReturnType<typeof workRepository>;
