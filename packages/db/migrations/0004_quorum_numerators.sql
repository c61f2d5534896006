CREATE TABLE "quorum_numerators" (
	"collective" text NOT NULL,
	"block_number" bigint NOT NULL,
	"log_index" integer NOT NULL,
	"numerator" integer NOT NULL,
	"timestamp" bigint NOT NULL,
	"tx_hash" text NOT NULL,
	CONSTRAINT "quorum_numerators_collective_block_number_log_index_pk" PRIMARY KEY("collective","block_number","log_index")
);
--> statement-breakpoint
-- A projection table: its changes in unfinalized blocks are recorded for a reorg to undo, as
-- migration 0001 does for the others.
CREATE TRIGGER "quorum_numerators_reorg" AFTER INSERT OR UPDATE OR DELETE ON "quorum_numerators" FOR EACH ROW
  WHEN (coalesce(current_setting('rhizome.block', true), '') <> '')
  EXECUTE FUNCTION rhizome_record_change();
--> statement-breakpoint
-- An index made before this table has no quorum history, and its proposals' quorums may have used
-- a percentage from after their snapshots: the index starts afresh from the factory's start block,
-- as after a chain reset, and rebuilds every projection from the chain.
TRUNCATE "collectives", "principles", "members", "share_events", "delegations", "applications",
  "ownership_history", "proposals", "votes", "work_items", "objections", "treasury_balances",
  "treasury_flows", "ragequits", "blocks", "reorg_log", "indexer_state";
