CREATE TABLE "correction_notes" (
	"review_event_id" uuid PRIMARY KEY NOT NULL,
	"body" text NOT NULL,
	"written_by" uuid NOT NULL,
	"written_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "correction_notes_body_check" CHECK (length("correction_notes"."body") between 1 and 2000)
);
--> statement-breakpoint
ALTER TABLE "correction_notes" ADD CONSTRAINT "correction_notes_review_event_id_review_events_id_fk" FOREIGN KEY ("review_event_id") REFERENCES "public"."review_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "correction_notes" ADD CONSTRAINT "correction_notes_written_by_users_id_fk" FOREIGN KEY ("written_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;