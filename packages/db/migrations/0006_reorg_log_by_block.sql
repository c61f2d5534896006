-- The reorg log is pruned and replayed by block at every commit; with undo records kept for
-- MAX_REORG_DEPTH blocks (256 by default) it holds many blocks' changes, so reads go by index.
CREATE INDEX "reorg_log_block_number_idx" ON "reorg_log" USING btree ("block_number");