-- Live events for API replicas (ROLE=api): bookkeeping, without undo triggers. And the indexer's
-- heartbeat with its reason for not being ready, which replicas read their readiness from.
CREATE TABLE "live_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"payload" jsonb NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "indexer_state" ADD COLUMN "heartbeat_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "indexer_state" ADD COLUMN "status_reason" text;