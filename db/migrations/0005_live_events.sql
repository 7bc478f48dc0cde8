CREATE TABLE "presence" (
	"connection_id" uuid PRIMARY KEY NOT NULL,
	"article_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"last_seen" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "presence" ADD CONSTRAINT "presence_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "presence" ADD CONSTRAINT "presence_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "presence_article_idx" ON "presence" USING btree ("article_id","last_seen");--> statement-breakpoint
CREATE INDEX "presence_last_seen_idx" ON "presence" USING btree ("last_seen");--> statement-breakpoint
-- ===== Hand-written: live events (issue 6). Keep this block together at the end of the file. =====
-- After every statement that appends to the audit trail, tell every app instance (LISTEN fact_events)
-- that the log grew. NOTIFY inside a transaction is delivered at commit, and only if it commits.
-- The payload names ids, never documents (NOTIFY payloads stop at 8,000 bytes): the highest id and
-- the articles touched, or null for the articles when a statement touched more than 100 of them.
-- Instances read the log itself (lib/live/hub.ts); the payload only wakes them up.
CREATE FUNCTION "audit_entries_notify"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  touched uuid[];
BEGIN
  SELECT array_agg(DISTINCT article_id) FILTER (WHERE article_id IS NOT NULL) INTO touched FROM appended;
  PERFORM pg_notify('fact_events', json_build_object(
    'kind', 'audit',
    'max', (SELECT max(id) FROM appended),
    'articles', CASE WHEN coalesce(array_length(touched, 1), 0) <= 100 THEN to_json(coalesce(touched, '{}')) END
  )::text);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "audit_entries_notify" AFTER INSERT ON "audit_entries" REFERENCING NEW TABLE AS appended FOR EACH STATEMENT EXECUTE FUNCTION "audit_entries_notify"();
--> statement-breakpoint
-- Gives the appending transaction its transaction id before the statement takes ids from the sequence,
-- so that a transaction holding an id is always in the in-flight list of a snapshot taken meanwhile:
-- lib/live/horizon.ts relies on that to deliver the log in id order without losing late commits.
CREATE FUNCTION "audit_entries_take_xid"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_current_xact_id();
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "audit_entries_take_xid" BEFORE INSERT ON "audit_entries" FOR EACH STATEMENT EXECUTE FUNCTION "audit_entries_take_xid"();
-- ===== End of hand-written block. =====
