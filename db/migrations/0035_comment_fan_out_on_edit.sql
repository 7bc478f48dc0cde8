-- Comments fanned out to their recipients (0032), as before, with three differences:
-- * someone an edit newly mentions hears of it when the edit was made, not when the comment was first
--   written: otherwise it is older than the moment they last opened their inbox, and never new to them;
-- * someone an edit no longer mentions but who is in the thread keeps it as a reply, as new or as read
--   as the mention was, and from when it was;
-- * replies written at the same moment in one thread, in two transactions, hear of each other: each takes
--   the thread's lock before it reads who replied before it (so the later sees the earlier once it has
--   committed), and the one that takes the lock last also fans out the replies written after it that it
--   now sees, which could not see it.
CREATE OR REPLACE FUNCTION "comments_fan_out"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' AND NEW.parent_id IS NOT NULL THEN
    PERFORM pg_advisory_xact_lock(hashtextextended('comment thread ' || NEW.parent_id::text, 0));
    INSERT INTO inbox_comments (recipient_id, comment_id, reason, annotation_id, created_at)
    SELECT r.recipient, later.id, r.reason, later.annotation_id, later.created_at
    FROM comments later CROSS JOIN LATERAL inbox_comment_recipients(later.id) r
    WHERE later.parent_id = NEW.parent_id AND later.created_at > NEW.created_at AND r.recipient = NEW.author_id
    ON CONFLICT DO NOTHING;
  END IF;
  IF TG_OP = 'INSERT' OR NEW.mentioned_user_ids IS DISTINCT FROM OLD.mentioned_user_ids OR NEW.deleted_at IS DISTINCT FROM OLD.deleted_at THEN
    WITH gone AS (
      DELETE FROM inbox_comments WHERE comment_id = NEW.id AND reason <> 'resolved'
        AND (recipient_id, reason) NOT IN (SELECT r.recipient, r.reason FROM inbox_comment_recipients(NEW.id) r)
      RETURNING recipient_id, created_at, read_at
    )
    INSERT INTO inbox_comments (recipient_id, comment_id, reason, annotation_id, created_at, read_at)
    SELECT r.recipient, NEW.id, r.reason, NEW.annotation_id,
      CASE
        WHEN TG_OP = 'INSERT' THEN NEW.created_at
        WHEN r.reason = 'reply' THEN coalesce(gone.created_at, NEW.created_at)
        ELSE coalesce(NEW.edited_at, now())
      END,
      CASE WHEN TG_OP = 'UPDATE' AND r.reason = 'reply' THEN gone.read_at END
    FROM inbox_comment_recipients(NEW.id) r LEFT JOIN gone ON gone.recipient_id = r.recipient
    ON CONFLICT DO NOTHING;
  END IF;
  IF TG_OP = 'UPDATE' AND NEW.resolved_at IS DISTINCT FROM OLD.resolved_at THEN
    DELETE FROM inbox_comments WHERE comment_id = NEW.id AND reason = 'resolved';
    INSERT INTO inbox_comments (recipient_id, comment_id, reason, annotation_id, created_at)
    SELECT recipient, NEW.id, 'resolved', NEW.annotation_id, NEW.resolved_at FROM inbox_resolution_recipients(NEW.id);
  END IF;
  RETURN NEW;
END $$;
