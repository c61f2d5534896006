CREATE INDEX "proposals_by_outcome" ON "proposals" USING btree ("collective",(CASE WHEN "status" IN ('executed', 'canceled') THEN "status" WHEN "for_votes" + "abstain_votes" < COALESCE("quorum", 0) OR "for_votes" <= "against_votes" THEN 'defeated' ELSE 'passed' END),"created_block");--> statement-breakpoint
CREATE INDEX "proposals_by_snapshot" ON "proposals" USING btree ("collective","snapshot");--> statement-breakpoint
CREATE INDEX "proposals_by_deadline" ON "proposals" USING btree ("collective","deadline");--> statement-breakpoint
CREATE INDEX "proposals_by_eta" ON "proposals" USING btree ("collective","status","eta");--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_queued_eta" CHECK ("proposals"."status" <> 'queued' OR "proposals"."eta" IS NOT NULL);