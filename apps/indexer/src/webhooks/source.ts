/** The entries webhooks tell, from the index: a collective's activity and a member's inbox. */
import type { Database } from "@rhizome/db";
import { activityRepository } from "../repositories/activity.js";
import type { EntrySource } from "./entries.js";

export function webhookSource(db: Database): EntrySource {
  const activity = activityRepository(db);
  return {
    collective: (collective) => activity.collective(collective),
    inbox: async () => [],
  };
}
