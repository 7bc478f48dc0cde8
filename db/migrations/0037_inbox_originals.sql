CREATE TABLE "inbox_originals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"recipient_id" uuid NOT NULL,
	"article_id" uuid NOT NULL,
	"url" text NOT NULL,
	"revision" integer NOT NULL,
	"paragraphs_added" integer NOT NULL,
	"paragraphs_removed" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "inbox_originals" ADD CONSTRAINT "inbox_originals_recipient_id_users_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbox_originals" ADD CONSTRAINT "inbox_originals_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inbox_originals_recipient_idx" ON "inbox_originals" USING btree ("recipient_id","created_at");--> statement-breakpoint
CREATE INDEX "inbox_originals_unread_idx" ON "inbox_originals" USING btree ("recipient_id","created_at") WHERE "inbox_originals"."read_at" is null;--> statement-breakpoint
CREATE INDEX "inbox_originals_article_idx" ON "inbox_originals" USING btree ("recipient_id","article_id");--> statement-breakpoint
CREATE INDEX "inbox_originals_article_only_idx" ON "inbox_originals" USING btree ("article_id");--> statement-breakpoint
CREATE INDEX "inbox_originals_created_idx" ON "inbox_originals" USING btree ("created_at");