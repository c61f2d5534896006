/** Whether the database answers. */
import { sql } from "drizzle-orm";
import type { Database } from "@rhizome/db";

export function healthRepository(db: Database) {
  return {
    async ping(): Promise<void> {
      await db.execute(sql`SELECT 1`);
    },
  };
}

export type HealthRepository = ReturnType<typeof healthRepository>;
