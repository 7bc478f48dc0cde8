ALTER TABLE "annotations" ADD COLUMN "orphaned_revision" integer;--> statement-breakpoint
ALTER TABLE "annotations" ADD COLUMN "checked_quote" text;--> statement-breakpoint
ALTER TABLE "annotations" ADD COLUMN "checked_revision" integer;--> statement-breakpoint
-- A placement that stands checked was checked on the text it holds now; one waiting for a check keeps nulls (its card says less).
UPDATE "annotations" SET "checked_quote" = "annotations"."quote", "checked_revision" = "articles"."revision" FROM "articles" WHERE "articles"."id" = "annotations"."article_id" AND "annotations"."placement_checked";--> statement-breakpoint
-- An orphan's revision is in its history: the last time a revision orphaned it.
UPDATE "annotations" SET "orphaned_revision" = (SELECT max("review_events"."revision") FROM "review_events" WHERE "review_events"."annotation_id" = "annotations"."id" AND "review_events"."kind" = 'orphaned') WHERE "annotations"."orphaned_at" IS NOT NULL;
