DROP INDEX "annotations_queue_article_updated_idx";--> statement-breakpoint
DROP INDEX "annotations_queue_due_idx";--> statement-breakpoint
DROP INDEX "annotations_queue_due_desc_idx";--> statement-breakpoint
CREATE INDEX "annotations_queue_assignee_idx" ON "annotations" USING btree ("assignee_id","due_on","status") WHERE "annotations"."discarded_at" is null;--> statement-breakpoint
CREATE INDEX "annotations_queue_author_idx" ON "annotations" USING btree ("author_id","updated_at","status") WHERE "annotations"."discarded_at" is null;--> statement-breakpoint
CREATE INDEX "annotations_queue_article_idx" ON "annotations" USING btree ("article_id","updated_at","status") WHERE "annotations"."discarded_at" is null;--> statement-breakpoint
CREATE INDEX "annotations_queue_due_idx" ON "annotations" USING btree ("due_on","updated_at","id") WHERE "annotations"."discarded_at" is null;--> statement-breakpoint
CREATE INDEX "annotations_queue_due_desc_idx" ON "annotations" USING btree ("due_on" DESC NULLS LAST,"updated_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE "annotations"."discarded_at" is null;