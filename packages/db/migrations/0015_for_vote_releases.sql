-- A projection table: its undo triggers come from PROJECTION_TABLES (migration 0014), not from here.
CREATE TABLE "for_vote_releases" (
	"collective" text NOT NULL,
	"voter" text NOT NULL,
	"kept" jsonb NOT NULL,
	"block_number" bigint NOT NULL,
	"log_index" integer NOT NULL,
	"timestamp" bigint NOT NULL,
	"tx_hash" text NOT NULL,
	CONSTRAINT "for_vote_releases_collective_voter_block_number_log_index_pk" PRIMARY KEY("collective","voter","block_number","log_index")
);
