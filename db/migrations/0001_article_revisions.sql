CREATE TYPE "public"."annotation_event_kind" AS ENUM('status', 'orphaned', 'reattached', 'discarded', 'placement_confirmed');--> statement-breakpoint
CREATE TABLE "article_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"article_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"doc" jsonb NOT NULL,
	"plain_text" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "article_revisions_revision_check" CHECK ("article_revisions"."revision" >= 1)
);
--> statement-breakpoint
ALTER TABLE "annotations" ADD COLUMN "orphaned_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "annotations" ADD COLUMN "discarded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "annotations" ADD COLUMN "anchor_confidence" real DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "annotations" ADD COLUMN "placement_checked" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "review_events" ADD COLUMN "kind" "annotation_event_kind" DEFAULT 'status' NOT NULL;--> statement-breakpoint
ALTER TABLE "review_events" ADD COLUMN "revision" integer;--> statement-breakpoint
ALTER TABLE "article_revisions" ADD CONSTRAINT "article_revisions_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "article_revisions" ADD CONSTRAINT "article_revisions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "article_revisions_article_revision_key" ON "article_revisions" USING btree ("article_id","revision");--> statement-breakpoint
ALTER TABLE "annotations" ADD CONSTRAINT "annotations_discarded_orphan_check" CHECK ("annotations"."discarded_at" IS NULL OR "annotations"."orphaned_at" IS NOT NULL);--> statement-breakpoint
-- Every article that existed before this migration gets its current text as its first stored revision.
INSERT INTO "article_revisions" ("article_id", "revision", "doc", "plain_text", "created_by", "created_at")
SELECT "id", "revision", "doc", "plain_text", NULL, "updated_at" FROM "articles";
