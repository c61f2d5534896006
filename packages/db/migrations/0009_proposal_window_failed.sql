-- Each proposal's own execution window (the one in force when its vote ended, as the governor's
-- proposalExecutionWindow) and the revert data of an execution that failed, a final outcome beside
-- executed and canceled. The projections that fill them carry version 3: an index written before
-- is rebuilt from the chain at start, so the zero the existing rows get here is never read.
DROP INDEX "proposals_by_outcome";--> statement-breakpoint
ALTER TABLE "proposals" ADD COLUMN "execution_window" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "proposals" ALTER COLUMN "execution_window" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "proposals" ADD COLUMN "failure_reason" text;--> statement-breakpoint
CREATE INDEX "proposals_by_outcome" ON "proposals" USING btree ("collective",(CASE WHEN "status" IN ('executed', 'failed', 'canceled') THEN "status" WHEN "for_votes" + "abstain_votes" < COALESCE("quorum", 0) OR "for_votes" <= "against_votes" THEN 'defeated' ELSE 'passed' END),"created_block");
