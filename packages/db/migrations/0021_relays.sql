CREATE TABLE "relays" (
	"id" text PRIMARY KEY NOT NULL,
	"chain_id" bigint NOT NULL,
	"collective" text NOT NULL,
	"kind" text NOT NULL,
	"signer" text NOT NULL,
	"signed" jsonb NOT NULL,
	"target" text NOT NULL,
	"data" text NOT NULL,
	"gas_limit" numeric(78, 0) NOT NULL,
	"relayer" text NOT NULL,
	"nonce" bigint,
	"tx_hashes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"max_fee_per_gas" numeric(78, 0),
	"max_priority_fee_per_gas" numeric(78, 0),
	"status" text DEFAULT 'queued' NOT NULL,
	"error" text,
	"gas_used" numeric(78, 0),
	"cost" numeric(78, 0),
	"block_number" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "relays_nonce" ON "relays" USING btree ("chain_id","relayer","nonce");--> statement-breakpoint
CREATE INDEX "relays_pending" ON "relays" USING btree ("created_at") WHERE "relays"."status" IN ('queued', 'sent');--> statement-breakpoint
CREATE INDEX "relays_by_signer" ON "relays" USING btree ("signer","created_at");--> statement-breakpoint
CREATE INDEX "relays_by_collective" ON "relays" USING btree ("collective","created_at");