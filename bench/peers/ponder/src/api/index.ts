/**
 * Ponder requires an API file. The benchmark's driver reads `/counts` once the backfill is done
 * to check that Ponder's tables hold as many rows as Rhizome's.
 */
import { Hono } from "hono";
import { db } from "ponder:api";
import schema from "ponder:schema";
import { count } from "ponder";

const app = new Hono();

const CHECKED = {
  proposals: schema.proposals,
  votes: schema.votes,
  work_items: schema.workItems,
  ragequits: schema.ragequits,
  members: schema.members,
  share_events: schema.shareEvents,
};

app.get("/counts", async (c) => {
  const out: Record<string, number> = {};
  for (const [name, table] of Object.entries(CHECKED)) {
    const [row] = await db.select({ n: count() }).from(table);
    out[name] = Number(row?.n ?? -1);
  }
  return c.json(out);
});

export default app;
