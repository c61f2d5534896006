/** The entries webhooks tell, from the index: a collective's activity and a member's inbox. */
import type { Database } from "@rhizome/db";
import { activityRepository } from "../repositories/activity.js";
import { inboxEntry, inboxRepository } from "../repositories/inbox.js";
import type { EntrySource } from "./entries.js";

export function webhookSource(db: Database): EntrySource {
  const activity = activityRepository(db);
  const inbox = inboxRepository(db);
  return {
    collective: (collective) => activity.collective(collective),
    // An item's id stays while it is in the inbox: each is owed once, when it first appears.
    inbox: async (account) => (await inbox.of(account)).items.map(inboxEntry),
  };
}
