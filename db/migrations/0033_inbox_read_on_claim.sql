ALTER TABLE "inbox_comments" ADD COLUMN "read_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "inbox_events" ADD COLUMN "read_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "inbox_comments_unread_idx" ON "inbox_comments" USING btree ("recipient_id","created_at") WHERE "inbox_comments"."read_at" is null;--> statement-breakpoint
CREATE INDEX "inbox_comments_claim_idx" ON "inbox_comments" USING btree ("recipient_id","annotation_id");--> statement-breakpoint
CREATE INDEX "inbox_events_unread_idx" ON "inbox_events" USING btree ("recipient_id","created_at") WHERE "inbox_events"."read_at" is null;--> statement-breakpoint
CREATE INDEX "inbox_events_claim_idx" ON "inbox_events" USING btree ("recipient_id","annotation_id");