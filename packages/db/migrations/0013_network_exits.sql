-- Exits that paid someone else than the member, and those that passed through other collectives
-- (ragequitTo, ragequitAcross). Filled by projection version 6, which rebuilds an older index.
ALTER TABLE "ragequits" ADD COLUMN "paid_to" text;--> statement-breakpoint
ALTER TABLE "ragequits" ADD COLUMN "network_exits" jsonb DEFAULT '[]'::jsonb NOT NULL;