-- Each collective's longest execution window ever, which bounds the proposal state filters' ranges.
-- The projections that fill it carry version 5: an index written before is rebuilt at start.
ALTER TABLE "collectives" ADD COLUMN "max_execution_window" integer DEFAULT 0 NOT NULL;