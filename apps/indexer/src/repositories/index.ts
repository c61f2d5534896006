/** Every repository over one database: the only place the API's SQL lives. */
import type { Database } from "@rhizome/db";
import { activityRepository } from "./activity.js";
import { applicationsRepository } from "./applications.js";
import { collectivesRepository } from "./collectives.js";
import { commentsRepository } from "./comments.js";
import { healthRepository } from "./health.js";
import { inboxRepository } from "./inbox.js";
import { membersRepository } from "./members.js";
import { networkRepository } from "./network.js";
import { ownershipRepository } from "./ownership.js";
import { proposalsRepository } from "./proposals.js";
import { treasuryRepository } from "./treasury.js";
import { webhooksRepository } from "./webhooks.js";
import { workRepository } from "./work.js";

export function createRepositories(db: Database) {
  return {
    activity: activityRepository(db),
    applications: applicationsRepository(db),
    collectives: collectivesRepository(db),
    comments: commentsRepository(db),
    health: healthRepository(db),
    inbox: inboxRepository(db),
    members: membersRepository(db),
    network: networkRepository(db),
    ownership: ownershipRepository(db),
    proposals: proposalsRepository(db),
    treasury: treasuryRepository(db),
    webhooks: webhooksRepository(db),
    work: workRepository(db),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
