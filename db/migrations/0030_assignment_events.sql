ALTER TYPE "public"."annotation_event_kind" ADD VALUE 'assigned';--> statement-breakpoint
ALTER TABLE "review_events" ADD COLUMN "assignee_id" uuid;--> statement-breakpoint
ALTER TABLE "review_events" ADD COLUMN "previous_assignee_id" uuid;--> statement-breakpoint
ALTER TABLE "review_events" ADD COLUMN "due_on" date;--> statement-breakpoint
ALTER TABLE "review_events" ADD CONSTRAINT "review_events_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_events" ADD CONSTRAINT "review_events_previous_assignee_id_users_id_fk" FOREIGN KEY ("previous_assignee_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inbox_events_review_event_idx" ON "inbox_events" USING btree ("review_event_id");--> statement-breakpoint
CREATE OR REPLACE FUNCTION "review_events_fan_out"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- A status change (a draft's creation aside) or an orphaning reaches the claim's author and assignee, not whoever made it.
  IF NEW.kind = 'orphaned' OR (NEW.kind = 'status' AND NEW.to_status <> 'draft') THEN
    INSERT INTO inbox_events (recipient_id, review_event_id, annotation_id, created_at)
    SELECT DISTINCT recipient, NEW.id, NEW.annotation_id, NEW.created_at
    FROM annotations, unnest(ARRAY[annotations.author_id, annotations.assignee_id]) AS recipient
    WHERE annotations.id = NEW.annotation_id AND annotations.discarded_at IS NULL AND recipient IS NOT NULL AND recipient <> NEW.actor_id;
  -- An assignment reaches whom it gave the claim to and whom it took it from, unless they made it themselves.
  ELSIF NEW.kind::text = 'assigned' THEN
    INSERT INTO inbox_events (recipient_id, review_event_id, annotation_id, created_at)
    SELECT DISTINCT recipient, NEW.id, NEW.annotation_id, NEW.created_at
    FROM annotations, unnest(ARRAY[NEW.assignee_id, NEW.previous_assignee_id]) AS recipient
    WHERE annotations.id = NEW.annotation_id AND annotations.discarded_at IS NULL AND recipient IS NOT NULL AND recipient <> NEW.actor_id;
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
-- A discarded claim is out of every inbox: its events go, so that counting a person's events reads inbox_events alone.
CREATE FUNCTION "annotations_discard_inbox_events"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM inbox_events WHERE review_event_id IN (SELECT id FROM review_events WHERE annotation_id = NEW.id);
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER "annotations_discard_inbox" AFTER UPDATE OF discarded_at ON "annotations" FOR EACH ROW
  WHEN (OLD.discarded_at IS NULL AND NEW.discarded_at IS NOT NULL) EXECUTE FUNCTION "annotations_discard_inbox_events"();--> statement-breakpoint
DELETE FROM inbox_events USING annotations WHERE annotations.id = inbox_events.annotation_id AND annotations.discarded_at IS NOT NULL;
