CREATE TABLE "blocks" (
	"number" bigint PRIMARY KEY NOT NULL,
	"hash" text NOT NULL,
	"parent_hash" text NOT NULL,
	"timestamp" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indexer_state" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"chain_id" integer NOT NULL,
	"genesis_hash" text NOT NULL,
	"factory" text NOT NULL,
	"start_block" bigint NOT NULL,
	"cursor_block" bigint NOT NULL,
	"finalized_block" bigint NOT NULL,
	"head_block" bigint NOT NULL,
	"head_timestamp" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reorg_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"block_number" bigint NOT NULL,
	"table_name" text NOT NULL,
	"operation" text NOT NULL,
	"new_row" jsonb,
	"old_row" jsonb
);
--> statement-breakpoint
CREATE TABLE "collectives" (
	"address" text PRIMARY KEY NOT NULL,
	"factory_id" numeric(78, 0) NOT NULL,
	"name" text NOT NULL,
	"symbol" text NOT NULL,
	"creator" text NOT NULL,
	"shares" text NOT NULL,
	"timelock" text NOT NULL,
	"treasury" text NOT NULL,
	"work" text NOT NULL,
	"voting_delay" integer NOT NULL,
	"voting_period" integer NOT NULL,
	"execution_window" integer NOT NULL,
	"timelock_delay" integer NOT NULL,
	"proposal_threshold" numeric(78, 0) NOT NULL,
	"quorum_percent" integer NOT NULL,
	"review_window" integer NOT NULL,
	"objection_threshold" integer NOT NULL,
	"total_shares" numeric(78, 0) DEFAULT 0 NOT NULL,
	"member_count" integer DEFAULT 0 NOT NULL,
	"proposal_count" integer DEFAULT 0 NOT NULL,
	"work_count" integer DEFAULT 0 NOT NULL,
	"created_block" bigint NOT NULL,
	"created_at" bigint NOT NULL,
	"tx_hash" text NOT NULL,
	CONSTRAINT "collectives_shares_unique" UNIQUE("shares"),
	CONSTRAINT "collectives_timelock_unique" UNIQUE("timelock"),
	CONSTRAINT "collectives_treasury_unique" UNIQUE("treasury"),
	CONSTRAINT "collectives_work_unique" UNIQUE("work")
);
--> statement-breakpoint
CREATE TABLE "principles" (
	"collective" text NOT NULL,
	"index" integer NOT NULL,
	"name" text NOT NULL,
	"updated_block" bigint NOT NULL,
	CONSTRAINT "principles_collective_index_pk" PRIMARY KEY("collective","index")
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"collective" text NOT NULL,
	"application_id" integer NOT NULL,
	"applicant" text NOT NULL,
	"requested_shares" numeric(78, 0) NOT NULL,
	"pitch" text NOT NULL,
	"status" text NOT NULL,
	"admitted_shares" numeric(78, 0),
	"submitted_at" bigint NOT NULL,
	"closed_at" bigint,
	CONSTRAINT "applications_collective_application_id_pk" PRIMARY KEY("collective","application_id")
);
--> statement-breakpoint
CREATE TABLE "delegations" (
	"collective" text NOT NULL,
	"block_number" bigint NOT NULL,
	"log_index" integer NOT NULL,
	"delegator" text NOT NULL,
	"from_delegate" text NOT NULL,
	"to_delegate" text NOT NULL,
	"timestamp" bigint NOT NULL,
	CONSTRAINT "delegations_collective_block_number_log_index_pk" PRIMARY KEY("collective","block_number","log_index")
);
--> statement-breakpoint
CREATE TABLE "members" (
	"collective" text NOT NULL,
	"account" text NOT NULL,
	"shares" numeric(78, 0) DEFAULT 0 NOT NULL,
	"voting_power" numeric(78, 0) DEFAULT 0 NOT NULL,
	"delegate" text,
	"profile_uri" text,
	"joined_at" bigint,
	"left_at" bigint,
	"member_collective" text,
	CONSTRAINT "members_collective_account_pk" PRIMARY KEY("collective","account")
);
--> statement-breakpoint
CREATE TABLE "ownership_history" (
	"collective" text NOT NULL,
	"block_number" bigint NOT NULL,
	"timestamp" bigint NOT NULL,
	"total_shares" numeric(78, 0) NOT NULL,
	"holders" integer NOT NULL,
	"top_holders_share" double precision NOT NULL,
	"gini" double precision NOT NULL,
	"nakamoto" integer NOT NULL,
	CONSTRAINT "ownership_history_collective_block_number_pk" PRIMARY KEY("collective","block_number")
);
--> statement-breakpoint
CREATE TABLE "share_events" (
	"collective" text NOT NULL,
	"block_number" bigint NOT NULL,
	"log_index" integer NOT NULL,
	"account" text NOT NULL,
	"delta" numeric(78, 0) NOT NULL,
	"balance" numeric(78, 0) NOT NULL,
	"supply" numeric(78, 0) NOT NULL,
	"timestamp" bigint NOT NULL,
	"tx_hash" text NOT NULL,
	CONSTRAINT "share_events_collective_block_number_log_index_pk" PRIMARY KEY("collective","block_number","log_index")
);
--> statement-breakpoint
CREATE TABLE "proposals" (
	"collective" text NOT NULL,
	"proposal_id" numeric(78, 0) NOT NULL,
	"proposer" text NOT NULL,
	"description" text NOT NULL,
	"kind" text NOT NULL,
	"actions" jsonb NOT NULL,
	"snapshot" bigint NOT NULL,
	"deadline" bigint NOT NULL,
	"for_votes" numeric(78, 0) DEFAULT 0 NOT NULL,
	"against_votes" numeric(78, 0) DEFAULT 0 NOT NULL,
	"abstain_votes" numeric(78, 0) DEFAULT 0 NOT NULL,
	"vote_count" integer DEFAULT 0 NOT NULL,
	"quorum" numeric(78, 0),
	"status" text NOT NULL,
	"eta" bigint,
	"created_at" bigint NOT NULL,
	"created_block" bigint NOT NULL,
	"queued_at" bigint,
	"executed_at" bigint,
	"canceled_at" bigint,
	"tx_hash" text NOT NULL,
	CONSTRAINT "proposals_collective_proposal_id_pk" PRIMARY KEY("collective","proposal_id")
);
--> statement-breakpoint
CREATE TABLE "votes" (
	"collective" text NOT NULL,
	"proposal_id" numeric(78, 0) NOT NULL,
	"voter" text NOT NULL,
	"support" smallint NOT NULL,
	"weight" numeric(78, 0) NOT NULL,
	"reason" text NOT NULL,
	"block_number" bigint NOT NULL,
	"log_index" integer NOT NULL,
	"timestamp" bigint NOT NULL,
	"tx_hash" text NOT NULL,
	CONSTRAINT "votes_collective_proposal_id_voter_pk" PRIMARY KEY("collective","proposal_id","voter")
);
--> statement-breakpoint
CREATE TABLE "objections" (
	"collective" text NOT NULL,
	"work_id" integer NOT NULL,
	"objector" text NOT NULL,
	"weight" numeric(78, 0) NOT NULL,
	"reason" text NOT NULL,
	"timestamp" bigint NOT NULL,
	CONSTRAINT "objections_collective_work_id_objector_pk" PRIMARY KEY("collective","work_id","objector")
);
--> statement-breakpoint
CREATE TABLE "work_items" (
	"collective" text NOT NULL,
	"work_id" integer NOT NULL,
	"title" text NOT NULL,
	"spec_uri" text NOT NULL,
	"principle" integer NOT NULL,
	"contributor" text NOT NULL,
	"reward" numeric(78, 0) NOT NULL,
	"payment_token" text NOT NULL,
	"payment_amount" numeric(78, 0) NOT NULL,
	"state" text NOT NULL,
	"delivery_uri" text,
	"review_ends" bigint,
	"objection_quorum" numeric(78, 0),
	"objections" numeric(78, 0) DEFAULT 0 NOT NULL,
	"commissioned_at" bigint NOT NULL,
	"delivered_at" bigint,
	"settled_at" bigint,
	"tx_hash" text NOT NULL,
	CONSTRAINT "work_items_collective_work_id_pk" PRIMARY KEY("collective","work_id")
);
--> statement-breakpoint
CREATE TABLE "ragequits" (
	"collective" text NOT NULL,
	"block_number" bigint NOT NULL,
	"log_index" integer NOT NULL,
	"member" text NOT NULL,
	"shares" numeric(78, 0) NOT NULL,
	"supply" numeric(78, 0) NOT NULL,
	"eth_amount" numeric(78, 0) NOT NULL,
	"tokens" jsonb NOT NULL,
	"timestamp" bigint NOT NULL,
	"tx_hash" text NOT NULL,
	CONSTRAINT "ragequits_collective_block_number_log_index_pk" PRIMARY KEY("collective","block_number","log_index")
);
--> statement-breakpoint
CREATE TABLE "treasury_balances" (
	"collective" text NOT NULL,
	"token" text NOT NULL,
	"balance" numeric(78, 0) NOT NULL,
	"updated_block" bigint NOT NULL,
	CONSTRAINT "treasury_balances_collective_token_pk" PRIMARY KEY("collective","token")
);
--> statement-breakpoint
CREATE TABLE "treasury_flows" (
	"collective" text NOT NULL,
	"block_number" bigint NOT NULL,
	"log_index" integer NOT NULL,
	"kind" text NOT NULL,
	"token" text NOT NULL,
	"counterparty" text NOT NULL,
	"amount" numeric(78, 0) NOT NULL,
	"timestamp" bigint NOT NULL,
	"tx_hash" text NOT NULL,
	CONSTRAINT "treasury_flows_collective_block_number_log_index_token_pk" PRIMARY KEY("collective","block_number","log_index","token")
);
--> statement-breakpoint
CREATE INDEX "applications_by_status" ON "applications" USING btree ("collective","status");--> statement-breakpoint
CREATE INDEX "delegations_by_delegator" ON "delegations" USING btree ("collective","delegator");--> statement-breakpoint
CREATE INDEX "members_by_shares" ON "members" USING btree ("collective","shares");--> statement-breakpoint
CREATE INDEX "members_by_account" ON "members" USING btree ("account");--> statement-breakpoint
CREATE INDEX "share_events_by_account" ON "share_events" USING btree ("collective","account","block_number");--> statement-breakpoint
CREATE INDEX "proposals_by_created" ON "proposals" USING btree ("collective","created_block");--> statement-breakpoint
CREATE INDEX "proposals_by_kind" ON "proposals" USING btree ("collective","kind","created_block");--> statement-breakpoint
CREATE INDEX "votes_by_voter" ON "votes" USING btree ("collective","voter","block_number");--> statement-breakpoint
CREATE INDEX "work_by_state" ON "work_items" USING btree ("collective","state","principle");--> statement-breakpoint
CREATE INDEX "work_by_contributor" ON "work_items" USING btree ("contributor");--> statement-breakpoint
CREATE INDEX "ragequits_by_member" ON "ragequits" USING btree ("member");