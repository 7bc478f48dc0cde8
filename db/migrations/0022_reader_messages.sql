CREATE TABLE "reader_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"article_id" uuid NOT NULL,
	"annotation_id" uuid,
	"quote" text,
	"body" text NOT NULL,
	"contact_email" text,
	"sender_digest" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"handled_at" timestamp with time zone,
	"handled_by" uuid,
	"handled_note" text,
	CONSTRAINT "reader_messages_body_check" CHECK (length("reader_messages"."body") between 1 and 2000)
);
--> statement-breakpoint
ALTER TABLE "reader_messages" ADD CONSTRAINT "reader_messages_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reader_messages" ADD CONSTRAINT "reader_messages_annotation_id_annotations_id_fk" FOREIGN KEY ("annotation_id") REFERENCES "public"."annotations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reader_messages" ADD CONSTRAINT "reader_messages_handled_by_users_id_fk" FOREIGN KEY ("handled_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reader_messages_received_idx" ON "reader_messages" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "reader_messages_article_idx" ON "reader_messages" USING btree ("article_id","received_at");--> statement-breakpoint
CREATE INDEX "reader_messages_sender_idx" ON "reader_messages" USING btree ("sender_digest","received_at");--> statement-breakpoint
CREATE INDEX "reader_messages_new_idx" ON "reader_messages" USING btree ("received_at") WHERE "reader_messages"."handled_at" is null;