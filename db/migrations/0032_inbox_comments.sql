CREATE TABLE "inbox_comments" (
	"recipient_id" uuid NOT NULL,
	"comment_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"annotation_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "inbox_comments_recipient_id_comment_id_reason_pk" PRIMARY KEY("recipient_id","comment_id","reason"),
	CONSTRAINT "inbox_comments_reason_check" CHECK ("inbox_comments"."reason" in ('mention', 'reply', 'resolved'))
);
--> statement-breakpoint
ALTER TABLE "inbox_comments" ADD CONSTRAINT "inbox_comments_recipient_id_users_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbox_comments" ADD CONSTRAINT "inbox_comments_comment_id_comments_id_fk" FOREIGN KEY ("comment_id") REFERENCES "public"."comments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inbox_comments_recipient_idx" ON "inbox_comments" USING btree ("recipient_id","created_at");--> statement-breakpoint
CREATE INDEX "inbox_comments_comment_idx" ON "inbox_comments" USING btree ("comment_id");--> statement-breakpoint
CREATE INDEX "inbox_comments_created_idx" ON "inbox_comments" USING btree ("created_at");--> statement-breakpoint
-- Who a comment is for: those it mentions, whoever started the thread it replies in, and whoever replied in it before; never its author.
CREATE FUNCTION "inbox_comment_recipients"(comment_id uuid) RETURNS TABLE (recipient uuid, reason text) LANGUAGE sql STABLE AS $$
  SELECT r.recipient, CASE WHEN r.recipient = ANY(c.mentioned_user_ids) THEN 'mention' ELSE 'reply' END
  FROM comments c
  JOIN annotations a ON a.id = c.annotation_id AND a.discarded_at IS NULL
  CROSS JOIN LATERAL (
    SELECT unnest(c.mentioned_user_ids) AS recipient
    UNION SELECT p.author_id FROM comments p WHERE p.id = c.parent_id
    UNION SELECT e.author_id FROM comments e WHERE e.parent_id = c.parent_id AND e.created_at < c.created_at
  ) r
  WHERE c.id = comment_id AND c.deleted_at IS NULL AND r.recipient IS NOT NULL AND r.recipient <> c.author_id
$$;--> statement-breakpoint
-- Who hears that a thread was resolved: whoever started it, was mentioned in its first comment or replied in it; never whoever resolved it.
CREATE FUNCTION "inbox_resolution_recipients"(thread_id uuid) RETURNS TABLE (recipient uuid) LANGUAGE sql STABLE AS $$
  SELECT r.recipient
  FROM comments t
  JOIN annotations a ON a.id = t.annotation_id AND a.discarded_at IS NULL
  CROSS JOIN LATERAL (
    SELECT t.author_id AS recipient
    UNION SELECT unnest(t.mentioned_user_ids)
    UNION SELECT e.author_id FROM comments e WHERE e.parent_id = t.id
  ) r
  WHERE t.id = thread_id AND t.resolved_at IS NOT NULL AND r.recipient IS NOT NULL AND r.recipient IS DISTINCT FROM t.resolved_by
$$;--> statement-breakpoint
CREATE FUNCTION "comments_fan_out"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Written, edited (its mentions may have changed) or deleted: its rows are what it is for now (those it was and still is for kept as they were).
  IF TG_OP = 'INSERT' OR NEW.mentioned_user_ids IS DISTINCT FROM OLD.mentioned_user_ids OR NEW.deleted_at IS DISTINCT FROM OLD.deleted_at THEN
    DELETE FROM inbox_comments WHERE comment_id = NEW.id AND reason <> 'resolved'
      AND (recipient_id, reason) NOT IN (SELECT r.recipient, r.reason FROM inbox_comment_recipients(NEW.id) r);
    INSERT INTO inbox_comments (recipient_id, comment_id, reason, annotation_id, created_at)
    SELECT recipient, NEW.id, reason, NEW.annotation_id, NEW.created_at FROM inbox_comment_recipients(NEW.id)
    ON CONFLICT DO NOTHING;
  END IF;
  -- Resolved, or reopened: a resolution is news until the thread is reopened.
  IF TG_OP = 'UPDATE' AND NEW.resolved_at IS DISTINCT FROM OLD.resolved_at THEN
    DELETE FROM inbox_comments WHERE comment_id = NEW.id AND reason = 'resolved';
    INSERT INTO inbox_comments (recipient_id, comment_id, reason, annotation_id, created_at)
    SELECT recipient, NEW.id, 'resolved', NEW.annotation_id, NEW.resolved_at FROM inbox_resolution_recipients(NEW.id);
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER "comments_fan_out" AFTER INSERT OR UPDATE OF mentioned_user_ids, deleted_at, resolved_at ON "comments"
  FOR EACH ROW EXECUTE FUNCTION "comments_fan_out"();--> statement-breakpoint
-- A discarded claim is out of every inbox: its events and its comments go, so that a person's count reads these two tables alone.
CREATE OR REPLACE FUNCTION "annotations_discard_inbox_events"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM inbox_events WHERE review_event_id IN (SELECT id FROM review_events WHERE annotation_id = NEW.id);
  DELETE FROM inbox_comments WHERE comment_id IN (SELECT id FROM comments WHERE annotation_id = NEW.id);
  RETURN NEW;
END $$;--> statement-breakpoint
-- The comments and resolutions written before this migration, fanned out as the trigger fans out new ones.
INSERT INTO inbox_comments (recipient_id, comment_id, reason, annotation_id, created_at)
SELECT r.recipient, c.id, r.reason, c.annotation_id, c.created_at FROM comments c CROSS JOIN LATERAL inbox_comment_recipients(c.id) r;--> statement-breakpoint
INSERT INTO inbox_comments (recipient_id, comment_id, reason, annotation_id, created_at)
SELECT r.recipient, t.id, 'resolved', t.annotation_id, t.resolved_at FROM comments t CROSS JOIN LATERAL inbox_resolution_recipients(t.id) r WHERE t.resolved_at IS NOT NULL;
