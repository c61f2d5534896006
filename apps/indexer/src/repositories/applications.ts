/** Applications to join a collective, by status and applicant. */
import { and, eq, sql } from "drizzle-orm";
import { schema, type Database } from "@rhizome/db";
import type { Application, ApplicationsQuery, ApplicationStatus, Page } from "@rhizome/client/schemas";
import { Keyset } from "./page.js";

const a = schema.applications;
const byId = new Keyset("applications", ["int"]);

export function applicationsRepository(db: Database) {
  return {
    /** Applications newest first. */
    async list(collective: string, query: ApplicationsQuery): Promise<Page<Application>> {
      const rows = await db
        .select()
        .from(a)
        .where(
          and(
            eq(a.collective, collective),
            query.status === undefined ? undefined : eq(a.status, query.status),
            query.applicant === undefined ? undefined : eq(a.applicant, query.applicant),
            byId.after(query.cursor, [a.applicationId], "desc"),
          ),
        )
        .orderBy(sql`${a.applicationId} DESC`)
        .limit(query.limit + 1);
      return byId.page(
        rows,
        query.limit,
        (row) => [row.applicationId],
        (row) => ({
          applicationId: row.applicationId,
          applicant: row.applicant,
          requestedShares: row.requestedShares.toString(),
          pitch: row.pitch,
          status: row.status as ApplicationStatus,
          admittedShares: row.admittedShares?.toString() ?? null,
          submittedAt: row.submittedAt,
          closedAt: row.closedAt,
        }),
      );
    },
  };
}

export type ApplicationsRepository = ReturnType<typeof applicationsRepository>;
