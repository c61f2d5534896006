-- Members' veto: their objections to queued proposals, each proposal's objections and whether they
-- cancelled it, and each collective's veto threshold. The projections that fill them carry version
-- 4: an index written before is rebuilt from the chain at start, so the zero the existing
-- collectives get here is never read.
CREATE TABLE "vetoes" (
	"collective" text NOT NULL,
	"proposal_id" numeric(78, 0) NOT NULL,
	"voter" text NOT NULL,
	"weight" numeric(78, 0) NOT NULL,
	"reason" text NOT NULL,
	"block_number" bigint NOT NULL,
	"log_index" integer NOT NULL,
	"timestamp" bigint NOT NULL,
	"tx_hash" text NOT NULL,
	CONSTRAINT "vetoes_collective_proposal_id_voter_pk" PRIMARY KEY("collective","proposal_id","voter")
);
--> statement-breakpoint
ALTER TABLE "collectives" ADD COLUMN "veto_percent" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "collectives" ALTER COLUMN "veto_percent" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "proposals" ADD COLUMN "veto_votes" numeric(78, 0) DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "proposals" ADD COLUMN "vetoed" boolean DEFAULT false NOT NULL;
--> statement-breakpoint
-- The new projection table gets the undo triggers of migration 0007, as every projection has.
DO $$
DECLARE
  keys text := quote_literal('collective') || ', ' || quote_literal('proposal_id') || ', ' || quote_literal('voter');
BEGIN
  EXECUTE format(
    'CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS rhizome_new_rows '
    'FOR EACH STATEMENT WHEN (coalesce(current_setting(''rhizome.block'', true), '''') <> '''') '
    'EXECUTE FUNCTION rhizome_record_statement(%s)',
    'vetoes_reorg_insert', 'vetoes', keys
  );
  EXECUTE format(
    'CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS rhizome_old_rows NEW TABLE AS rhizome_new_rows '
    'FOR EACH STATEMENT WHEN (coalesce(current_setting(''rhizome.block'', true), '''') <> '''') '
    'EXECUTE FUNCTION rhizome_record_statement(%s)',
    'vetoes_reorg_update', 'vetoes', keys
  );
  EXECUTE format(
    'CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS rhizome_old_rows '
    'FOR EACH STATEMENT WHEN (coalesce(current_setting(''rhizome.block'', true), '''') <> '''') '
    'EXECUTE FUNCTION rhizome_record_statement(%s)',
    'vetoes_reorg_delete', 'vetoes', keys
  );
END $$;
