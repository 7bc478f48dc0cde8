ALTER TABLE "users" ADD COLUMN "inbox_seen_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "comments_mentioned_idx" ON "comments" USING gin ("mentioned_user_ids");--> statement-breakpoint
CREATE INDEX "comments_author_idx" ON "comments" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "comments_parent_idx" ON "comments" USING btree ("parent_id");