CREATE TABLE "inbox_events" (
	"recipient_id" uuid NOT NULL,
	"review_event_id" uuid NOT NULL,
	"annotation_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "inbox_events_recipient_id_review_event_id_pk" PRIMARY KEY("recipient_id","review_event_id")
);
--> statement-breakpoint
ALTER TABLE "inbox_events" ADD CONSTRAINT "inbox_events_recipient_id_users_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbox_events" ADD CONSTRAINT "inbox_events_review_event_id_review_events_id_fk" FOREIGN KEY ("review_event_id") REFERENCES "public"."review_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inbox_events_recipient_idx" ON "inbox_events" USING btree ("recipient_id","created_at");--> statement-breakpoint
CREATE FUNCTION "review_events_fan_out"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- A status change (a draft's creation aside) or an orphaning reaches the claim's author and assignee, not whoever made it.
  IF NEW.kind = 'orphaned' OR (NEW.kind = 'status' AND NEW.to_status <> 'draft') THEN
    INSERT INTO inbox_events (recipient_id, review_event_id, annotation_id, created_at)
    SELECT DISTINCT recipient, NEW.id, NEW.annotation_id, NEW.created_at
    FROM annotations, unnest(ARRAY[annotations.author_id, annotations.assignee_id]) AS recipient
    WHERE annotations.id = NEW.annotation_id AND recipient IS NOT NULL AND recipient <> NEW.actor_id;
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER "review_events_inbox" AFTER INSERT ON "review_events" FOR EACH ROW EXECUTE FUNCTION "review_events_fan_out"();--> statement-breakpoint
-- The events recorded before this migration, for the author and assignee the claims have now.
INSERT INTO inbox_events (recipient_id, review_event_id, annotation_id, created_at)
SELECT DISTINCT recipient, review_events.id, review_events.annotation_id, review_events.created_at
FROM review_events
JOIN annotations ON annotations.id = review_events.annotation_id,
  unnest(ARRAY[annotations.author_id, annotations.assignee_id]) AS recipient
WHERE (review_events.kind = 'orphaned' OR (review_events.kind = 'status' AND review_events.to_status <> 'draft'))
  AND recipient IS NOT NULL AND recipient <> review_events.actor_id;
