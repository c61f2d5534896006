CREATE INDEX "comments_by_parent" ON "comments" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "comments_by_mention" ON "comments" USING gin ("mentions");