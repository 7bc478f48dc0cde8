CREATE INDEX "annotations_queue_status_idx" ON "annotations" USING btree ("status") WHERE "annotations"."discarded_at" is null;--> statement-breakpoint
CREATE INDEX "annotations_queue_verdict_status_idx" ON "annotations" USING btree ("verdict","status") WHERE "annotations"."discarded_at" is null;--> statement-breakpoint
CREATE INDEX "annotations_queue_assignee_idx" ON "annotations" USING btree ("assignee_id","due_on","status") WHERE "annotations"."discarded_at" is null;--> statement-breakpoint
CREATE INDEX "annotations_queue_author_idx" ON "annotations" USING btree ("author_id","updated_at","status") WHERE "annotations"."discarded_at" is null;--> statement-breakpoint
CREATE INDEX "annotations_queue_article_idx" ON "annotations" USING btree ("article_id","updated_at","status") WHERE "annotations"."discarded_at" is null;--> statement-breakpoint
CREATE INDEX "annotations_queue_created_idx" ON "annotations" USING btree ("created_at") WHERE "annotations"."discarded_at" is null;--> statement-breakpoint
CREATE INDEX "annotations_queue_due_idx" ON "annotations" USING btree ("due_on") WHERE "annotations"."discarded_at" is null;--> statement-breakpoint
CREATE INDEX "annotations_queue_due_desc_idx" ON "annotations" USING btree ("due_on" DESC NULLS LAST) WHERE "annotations"."discarded_at" is null;--> statement-breakpoint
CREATE INDEX "annotations_queue_urgency_idx" ON "annotations" USING btree (("status" in ('approved', 'rejected')),"due_on",(case "status" when 'in_review' then 0 when 'changes_requested' then 1 when 'draft' then 2 when 'approved' then 3 when 'rejected' then 4 end),"updated_at","id") WHERE "annotations"."discarded_at" is null;--> statement-breakpoint
CREATE INDEX "articles_title_idx" ON "articles" USING btree ("title","id");