-- How votes count: each collective's counting rule and its history, each proposal's rule and,
-- under two houses, its members' house; each vote's weight there; the member count in the share
-- history (what one member, one vote's quorum reads). The projections that fill them carry
-- version 6: an index written before is rebuilt from the chain at start, so the defaults the
-- existing rows get here are never read.
CREATE TABLE "counting_rules" (
	"collective" text NOT NULL,
	"block_number" bigint NOT NULL,
	"log_index" integer NOT NULL,
	"rule" text NOT NULL,
	"timestamp" bigint NOT NULL,
	"tx_hash" text NOT NULL,
	CONSTRAINT "counting_rules_collective_block_number_log_index_pk" PRIMARY KEY("collective","block_number","log_index")
);
--> statement-breakpoint
DROP INDEX "proposals_by_outcome";--> statement-breakpoint
ALTER TABLE "collectives" ADD COLUMN "counting_rule" text DEFAULT 'shares' NOT NULL;--> statement-breakpoint
ALTER TABLE "collectives" ALTER COLUMN "counting_rule" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "share_events" ADD COLUMN "member_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "share_events" ALTER COLUMN "member_count" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "proposals" ADD COLUMN "counting_rule" text DEFAULT 'shares' NOT NULL;--> statement-breakpoint
ALTER TABLE "proposals" ADD COLUMN "member_for_votes" numeric(78, 0) DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "proposals" ADD COLUMN "member_against_votes" numeric(78, 0) DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "proposals" ADD COLUMN "member_abstain_votes" numeric(78, 0) DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "proposals" ADD COLUMN "member_quorum" numeric(78, 0);--> statement-breakpoint
ALTER TABLE "votes" ADD COLUMN "member_weight" numeric(78, 0);--> statement-breakpoint
CREATE INDEX "proposals_by_outcome" ON "proposals" USING btree ("collective",(CASE WHEN "status" IN ('executed', 'failed', 'canceled') THEN "status" WHEN "for_votes" + "abstain_votes" < COALESCE("quorum", 0) OR "for_votes" <= "against_votes" OR ("member_quorum" IS NOT NULL AND ("member_for_votes" + "member_abstain_votes" < "member_quorum" OR "member_for_votes" <= "member_against_votes")) THEN 'defeated' ELSE 'passed' END),"created_block");
--> statement-breakpoint
-- The new projection table gets the undo triggers of migration 0007, as every projection has.
DO $$
DECLARE
  keys text := quote_literal('collective') || ', ' || quote_literal('block_number') || ', ' || quote_literal('log_index');
BEGIN
  EXECUTE format(
    'CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS rhizome_new_rows '
    'FOR EACH STATEMENT WHEN (coalesce(current_setting(''rhizome.block'', true), '''') <> '''') '
    'EXECUTE FUNCTION rhizome_record_statement(%s)',
    'counting_rules_reorg_insert', 'counting_rules', keys
  );
  EXECUTE format(
    'CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS rhizome_old_rows NEW TABLE AS rhizome_new_rows '
    'FOR EACH STATEMENT WHEN (coalesce(current_setting(''rhizome.block'', true), '''') <> '''') '
    'EXECUTE FUNCTION rhizome_record_statement(%s)',
    'counting_rules_reorg_update', 'counting_rules', keys
  );
  EXECUTE format(
    'CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS rhizome_old_rows '
    'FOR EACH STATEMENT WHEN (coalesce(current_setting(''rhizome.block'', true), '''') <> '''') '
    'EXECUTE FUNCTION rhizome_record_statement(%s)',
    'counting_rules_reorg_delete', 'counting_rules', keys
  );
END $$;
