-- The projections' version that wrote the index. An index from before this column reads as 0, so
-- an indexer with newer projections rebuilds it from the chain (see the indexer's init).
ALTER TABLE "indexer_state" ADD COLUMN "projection_version" integer DEFAULT 0 NOT NULL;