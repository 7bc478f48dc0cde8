CREATE TABLE "original_checks" (
	"article_id" uuid PRIMARY KEY NOT NULL,
	"url" text NOT NULL,
	"due_at" timestamp with time zone DEFAULT now() NOT NULL,
	"checked_at" timestamp with time zone,
	"known_digest" text,
	"changed_at" timestamp with time zone,
	"changed_digest" text,
	"changed_in_revision" integer,
	"paragraphs_added" integer,
	"paragraphs_removed" integer,
	"failed_at" timestamp with time zone,
	"failure" text
);
--> statement-breakpoint
ALTER TABLE "original_checks" ADD CONSTRAINT "original_checks_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "original_checks_due_idx" ON "original_checks" USING btree ("due_at");