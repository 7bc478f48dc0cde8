ALTER TABLE "articles" ADD COLUMN "public_summary" text;--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "summary_updated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "articles" ADD CONSTRAINT "articles_public_summary_check" CHECK (length("articles"."public_summary") between 1 and 1000);