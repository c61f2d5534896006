-- Whether a treasury balance is the treasury's own statement or only the sum of Transfer events any
-- contract can emit, and whether those events are spam. The projections that fill them carry version
-- 2: an index written before is rebuilt from the chain at start (see the indexer's init).
ALTER TABLE "treasury_balances" ADD COLUMN "reported" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "treasury_balances" ADD COLUMN "spam" boolean DEFAULT false NOT NULL;