CREATE TABLE "comment_actions" (
	"digest" text PRIMARY KEY NOT NULL,
	"comment_id" text NOT NULL,
	"action" text NOT NULL,
	"signer" text NOT NULL,
	"message" jsonb NOT NULL,
	"signature" text NOT NULL,
	"signed_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "comments" (
	"id" text PRIMARY KEY NOT NULL,
	"chain_id" integer NOT NULL,
	"collective" text NOT NULL,
	"thread_kind" text NOT NULL,
	"thread_id" text NOT NULL,
	"parent_id" text,
	"author" text NOT NULL,
	"body" text NOT NULL,
	"mentions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" bigint NOT NULL,
	"edited_at" bigint,
	"deleted_at" bigint
);
--> statement-breakpoint
CREATE INDEX "comment_actions_by_comment" ON "comment_actions" USING btree ("comment_id","signed_at");--> statement-breakpoint
CREATE INDEX "comments_by_thread" ON "comments" USING btree ("collective","thread_kind","thread_id","created_at");--> statement-breakpoint
CREATE INDEX "comments_by_author" ON "comments" USING btree ("author","created_at");