ALTER TABLE "reader_messages" ALTER COLUMN "article_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "reader_messages" ADD COLUMN "link" text;