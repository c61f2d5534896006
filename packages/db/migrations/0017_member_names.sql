ALTER TABLE "members" ADD COLUMN "name" text;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "avatar_uri" text;--> statement-breakpoint
CREATE INDEX "members_by_name" ON "members" USING btree ("collective",lower("name"));