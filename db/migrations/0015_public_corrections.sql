ALTER TABLE "articles" ADD COLUMN "first_published_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "review_events" ADD COLUMN "verdict" "verdict";--> statement-breakpoint
-- An article published before this migration was first published at its earliest "published" audit entry
-- (publications have been audited from the start), or else when its current publication began. Enum
-- columns are compared as text: on a new database every migration runs in one transaction, and a value
-- an earlier one added to an enum cannot be used as one before it commits.
UPDATE "articles" SET "first_published_at" = coalesce(
  (SELECT min("at") FROM "audit_entries"
    WHERE "subject"::text = 'article' AND "action"::text = 'published' AND "subject_id" = "articles"."id"),
  "published_at");--> statement-breakpoint
-- The verdict a claim still approved was approved with is its verdict now (an approved claim cannot be
-- edited): its latest approval gets it. Older approvals stay unknown (null).
UPDATE "review_events" SET "verdict" = "annotations"."verdict"
FROM "annotations"
WHERE "annotations"."id" = "review_events"."annotation_id"
  AND "annotations"."status"::text = 'approved'
  AND "review_events"."kind"::text = 'status' AND "review_events"."to_status"::text = 'approved'
  AND "review_events"."created_at" = (
    SELECT max("latest"."created_at") FROM "review_events" AS "latest"
    WHERE "latest"."annotation_id" = "annotations"."id" AND "latest"."kind"::text = 'status' AND "latest"."to_status"::text = 'approved');
