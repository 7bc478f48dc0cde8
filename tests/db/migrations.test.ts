import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Connection } from "@/db/connect";
import { findEarlierChecks } from "@/lib/annotations/earlier-checks";
import { engines } from "./engines";
import { ARTICLE_TEXT } from "./fixtures";
import { documentFromPlainText, plainTextOf } from "@/lib/articles/document";
import { findActor } from "@/lib/users/service";
import { isCurrentSession } from "@/lib/users/sessions";
import { signOutEverywhere } from "@/lib/users/account";
import type { Actor } from "@/lib/users/actor";
import type { Role } from "@/lib/users/roles";
import type { Database } from "@/db/database";

const MIGRATIONS = path.join(process.cwd(), "db", "migrations");

/** A copy of the migrations folder that stops before migration `tag`, as a database migrated before it landed saw it. */
function migrationsBefore(tag: string): string {
  const folder = mkdtempSync(path.join(tmpdir(), "migrations-"));
  cpSync(MIGRATIONS, folder, { recursive: true });
  const journalPath = path.join(folder, "meta", "_journal.json");
  const journal = JSON.parse(readFileSync(journalPath, "utf8")) as { entries: { tag: string }[] };
  const at = journal.entries.findIndex((entry) => entry.tag === tag);
  expect(at).toBeGreaterThan(0);
  writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, at) }));
  return folder;
}

async function migrateFrom(connection: Connection, migrationsFolder: string): Promise<void> {
  if (connection.engine === "pglite") {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(connection.db as Parameters<typeof migrate>[0], { migrationsFolder });
  } else {
    const { migrate } = await import("drizzle-orm/node-postgres/migrator");
    await migrate(connection.db as Parameters<typeof migrate>[0], { migrationsFolder });
  }
}

/** The rows of a raw query, as either engine's driver answers them. */
function rowsOf(result: unknown): Record<string, unknown>[] {
  return Array.isArray(result) ? result : (result as { rows: Record<string, unknown>[] }).rows;
}

/**
 * A user as an older schema stores one: in SQL naming only the columns every schema has, since Drizzle
 * would name every column of today's schema, some not there yet.
 */
async function addUserBefore(db: Database, role: Role): Promise<Actor> {
  const name = `${role} ${Math.random().toString(36).slice(2, 8)}`;
  const email = `${name.replace(/\W+/g, ".")}@example.com`;
  const [row] = rowsOf(await db.execute(sql`insert into users (email, name, role, password_hash) values (${email}, ${name}, ${role}, 'never-used') returning id`));
  return { id: row!.id as string, email, name, role, disabled: false };
}

/** The demo-sized article as an older schema stores one (see `addUserBefore`). */
async function addArticleBefore(db: Database): Promise<{ id: string }> {
  const doc = documentFromPlainText(ARTICLE_TEXT);
  const [row] = rowsOf(
    await db.execute(
      sql`insert into articles (title, doc, plain_text) values ('Mines for Ukraine', ${JSON.stringify(doc.toJSON())}::jsonb, ${plainTextOf(doc)}) returning id`,
    ),
  );
  return { id: row!.id as string };
}

/**
 * Data written before migration `tag`, read after it: what the migration does to existing rows. On
 * each engine, `run` gets a database migrated up to the migration before `tag`; it writes rows, then
 * calls `connection.migrate()` and reads them.
 */
function overExistingData(tag: string, title: string, run: (connection: Connection) => Promise<void>) {
  for (const engine of engines) {
    describe(`migration ${tag} over existing data (${engine.name})`, () => {
      let connection: Connection;
      let dispose: () => Promise<void>;
      let folder: string;

      beforeAll(async () => {
        ({ connection, dispose } = await engine.open());
        folder = migrationsBefore(tag);
      });
      afterAll(async () => {
        rmSync(folder, { recursive: true, force: true });
        await dispose?.();
      });

      it(title, async () => {
        await migrateFrom(connection, folder);
        await run(connection);
      });
    });
  }
}

overExistingData("0009_placement_checks", "0009 records the quote a checked placement stands on, nothing for one still waiting for a check, and the revision that orphaned an orphan", async (connection) => {
  const db = connection.db;
  const author = await addUserBefore(db, "reviewer");
  const article = await addArticleBefore(db);
  await db.execute(sql`update articles set revision = 3 where id = ${article.id}`);
  await db.execute(sql`
    insert into annotations (article_id, author_id, quote, prefix, suffix, start_offset, end_offset, placement_checked, orphaned_at)
    values (${article.id}, ${author.id}, 'checked claim', '', '', 0, 13, true, null),
           (${article.id}, ${author.id}, 'doubtful claim', '', '', 20, 34, false, null),
           (${article.id}, ${author.id}, 'orphaned claim', '', '', 40, 54, true, now())`);
  await db.execute(sql`
    insert into review_events (annotation_id, kind, from_status, to_status, revision, actor_id)
    select id, 'orphaned', 'draft', 'draft', 2, ${author.id} from annotations where quote = 'orphaned claim'`);

  await connection.migrate();

  const rows = rowsOf(await db.execute(sql`select quote, checked_quote, checked_revision, orphaned_revision from annotations order by start_offset`));
  expect(rows).toEqual([
    { quote: "checked claim", checked_quote: "checked claim", checked_revision: 3, orphaned_revision: null },
    { quote: "doubtful claim", checked_quote: null, checked_revision: null, orphaned_revision: null },
    { quote: "orphaned claim", checked_quote: "orphaned claim", checked_revision: 3, orphaned_revision: 2 },
  ]);
});

overExistingData("0010_inbox_events", "0010 fans the review events already recorded out to the claims' authors and assignees, but not to whoever made them, and later ones as they come", async (connection) => {
  const db = connection.db;
  const [author, assignee, editor] = [await addUserBefore(db, "reviewer"), await addUserBefore(db, "reviewer"), await addUserBefore(db, "editor")];
  const article = await addArticleBefore(db);
  await db.execute(sql`
    insert into annotations (article_id, author_id, assignee_id, quote, prefix, suffix, start_offset, end_offset)
    values (${article.id}, ${author.id}, ${assignee.id}, 'a claim', '', '', 0, 7)`);
  const event = (actor: string, from: string | null, to: string, kind = "status") => sql`
    insert into review_events (annotation_id, kind, from_status, to_status, actor_id)
    select id, ${kind}::annotation_event_kind, ${from}::review_status, ${to}::review_status, ${actor} from annotations`;
  await db.execute(event(author.id, null, "draft"));
  await db.execute(event(author.id, "draft", "in_review"));
  await db.execute(event(editor.id, "in_review", "approved"));

  await connection.migrate();
  await db.execute(event(editor.id, "approved", "approved", "orphaned"));

  const rows = rowsOf(
    await db.execute(sql`
      select users.id as recipient, review_events.to_status as status, review_events.kind as kind
      from inbox_events join users on users.id = inbox_events.recipient_id join review_events on review_events.id = inbox_events.review_event_id
      order by review_events.created_at, review_events.kind, users.id`),
  );
  const sorted = (recipients: string[]) => [...recipients].sort();
  expect(rows.filter((row) => row.kind === "status" && row.status === "in_review").map((row) => row.recipient)).toEqual([assignee.id]);
  expect(sorted(rows.filter((row) => row.status === "approved" && row.kind === "status").map((row) => row.recipient as string))).toEqual(sorted([author.id, assignee.id]));
  expect(sorted(rows.filter((row) => row.kind === "orphaned").map((row) => row.recipient as string))).toEqual(sorted([author.id, assignee.id]));
  expect(rows.filter((row) => row.status === "draft")).toEqual([]);
});

overExistingData("0011_earlier_checks", "0011 gives the claims approved before it their text-search terms: a new claim finds them checked before", async (connection) => {
  const db = connection.db;
  const author = await addUserBefore(db, "reviewer");
  const article = await addArticleBefore(db);
  await db.execute(sql`
    insert into annotations (article_id, author_id, quote, prefix, suffix, start_offset, end_offset, verdict, status)
    values (${article.id}, ${author.id}, 'The United States will send anti-personnel mines to Ukraine', '', '', 0, 59, 'true', 'approved'),
           (${article.id}, ${author.id}, 'The mines are non-persistent', '', '', 90, 118, 'false', 'in_review')`);
  await connection.migrate();
  const rows = rowsOf(await db.execute(sql`select quote, tsvector_to_array(quote_terms) as terms from annotations order by start_offset`));
  expect(rows.map((row) => (row.terms as string[]).length)).toEqual([8, 4]);
  const checks = await findEarlierChecks(db, author, { quote: "Officials say the United States will send anti-personnel mines to Ukraine" });
  expect(checks.map((check) => check.quote)).toEqual(["The United States will send anti-personnel mines to Ukraine"]);
});

overExistingData("0012_sessions_and_backups", "0012 keeps everyone signed in: sessions signed in before it count as the accounts' first generation, until one is ended", async (connection) => {
  const db = connection.db;
  const [rita, ed] = [await addUserBefore(db, "reviewer"), await addUserBefore(db, "editor")];
  await connection.migrate();
  const sessionBefore = (user: Actor) => ({ sub: user.id, name: user.name, email: user.email });
  expect(isCurrentSession(sessionBefore(rita), (await findActor(db, rita.id))!)).toBe(true);
  await signOutEverywhere(db, rita);
  expect(isCurrentSession(sessionBefore(rita), (await findActor(db, rita.id))!)).toBe(false);
  expect(isCurrentSession(sessionBefore(ed), (await findActor(db, ed.id))!)).toBe(true);
});

overExistingData("0015_public_corrections", "0015 dates each published article's first publication and gives each approved claim's latest approval its verdict, and no other", async (connection) => {
  const db = connection.db;
  const [author, editor] = [await addUserBefore(db, "reviewer"), await addUserBefore(db, "editor")];
  const [republished, published, never] = [await addArticleBefore(db), await addArticleBefore(db), await addArticleBefore(db)];
  // Published on the 1st, unpublished, published again on the 10th; the other one published on the 5th, before audit entries said so.
  await db.execute(sql`update articles set slug = 'first', published_at = '2026-11-10T09:00:00Z' where id = ${republished.id}`);
  await db.execute(sql`update articles set slug = 'second', published_at = '2026-11-05T09:00:00Z' where id = ${published.id}`);
  await db.execute(sql`
    insert into audit_entries (at, actor_id, subject, subject_id, action, article_id)
    values ('2026-11-01T09:00:00Z', ${editor.id}, 'article', ${republished.id}, 'published', ${republished.id}),
           ('2026-11-10T09:00:00Z', ${editor.id}, 'article', ${republished.id}, 'published', ${republished.id})`);
  await db.execute(sql`
    insert into annotations (article_id, author_id, quote, prefix, suffix, start_offset, end_offset, verdict, status)
    values (${republished.id}, ${author.id}, 'approved twice', '', '', 0, 14, 'false', 'approved'),
           (${republished.id}, ${author.id}, 'reopened', '', '', 20, 28, 'true', 'in_review')`);
  const approval = (quote: string, at: string, from = "in_review", to = "approved") => sql`
    insert into review_events (annotation_id, from_status, to_status, actor_id, created_at)
    select id, ${from}::review_status, ${to}::review_status, ${editor.id}, ${at}::timestamptz from annotations where quote = ${quote}`;
  await db.execute(approval("approved twice", "2026-11-02T09:00:00Z"));
  await db.execute(approval("approved twice", "2026-11-03T09:00:00Z", "approved", "in_review"));
  await db.execute(approval("approved twice", "2026-11-04T09:00:00Z"));
  await db.execute(approval("reopened", "2026-11-02T09:00:00Z"));
  await db.execute(approval("reopened", "2026-11-03T09:00:00Z", "approved", "in_review"));

  await connection.migrate();

  const articles = rowsOf(await db.execute(sql`select id, first_published_at from articles`));
  const firstPublished = (id: string) => articles.find((row) => row.id === id)!.first_published_at;
  expect(new Date(firstPublished(republished.id) as string).toISOString()).toBe("2026-11-01T09:00:00.000Z");
  expect(new Date(firstPublished(published.id) as string).toISOString()).toBe("2026-11-05T09:00:00.000Z");
  expect(firstPublished(never.id)).toBeNull();
  const events = rowsOf(
    await db.execute(sql`select a.quote, e.to_status, e.verdict from review_events e join annotations a on a.id = e.annotation_id order by a.quote, e.created_at`),
  );
  expect(events).toEqual([
    { quote: "approved twice", to_status: "approved", verdict: null },
    { quote: "approved twice", to_status: "in_review", verdict: null },
    { quote: "approved twice", to_status: "approved", verdict: "false" },
    { quote: "reopened", to_status: "approved", verdict: null },
    { quote: "reopened", to_status: "in_review", verdict: null },
  ]);
});

overExistingData("0032_inbox_comments", "0032 puts the comments and resolved threads already written in the inboxes they were for, and later ones as they come", async (connection) => {
  const db = connection.db;
  const [rita, olga, ed] = [await addUserBefore(db, "reviewer"), await addUserBefore(db, "reviewer"), await addUserBefore(db, "editor")];
  const article = await addArticleBefore(db);
  await db.execute(sql`
    insert into annotations (article_id, author_id, quote, prefix, suffix, start_offset, end_offset, orphaned_at, discarded_at)
    values (${article.id}, ${rita.id}, 'a claim', '', '', 0, 7, null, null), (${article.id}, ${rita.id}, 'discarded', '', '', 10, 19, now(), now())`);
  const comment = async (quote: string, author: Actor, body: string, options: { parentId?: string; mentions?: string[]; at?: string } = {}) => {
    const [row] = rowsOf(
      await db.execute(sql`
        insert into comments (annotation_id, parent_id, author_id, body, mentioned_user_ids, created_at)
        select id, ${options.parentId ?? null}::uuid, ${author.id}, ${body}, ${`{${(options.mentions ?? []).join(",")}}`}::uuid[], ${options.at ?? "2026-12-01T09:00:00Z"}::timestamptz
        from annotations where quote = ${quote} returning id`),
    );
    return row!.id as string;
  };
  const question = await comment("a claim", rita, "Which briefing, @Olga?", { mentions: [olga.id] });
  await comment("a claim", ed, "The Pentagon's.", { parentId: question, at: "2026-12-01T10:00:00Z" });
  await comment("a claim", olga, "Page 31.", { parentId: question, at: "2026-12-01T11:00:00Z" });
  await comment("discarded", ed, "@Olga gone", { mentions: [olga.id] });
  await db.execute(sql`update comments set resolved_at = '2026-12-02T09:00:00Z', resolved_by = ${rita.id} where id = ${question}`);

  await connection.migrate();
  // Before it is reopened, the resolution written before the migration is in the inboxes of those in the thread but Rita.
  const resolutions = rowsOf(await db.execute(sql`select recipient_id from inbox_comments where reason = 'resolved' order by recipient_id`)).map((row) => row.recipient_id);
  expect(resolutions).toEqual([olga.id, ed.id].sort());
  await comment("a claim", olga, "Reopened: page 32.", { parentId: question, at: "2026-12-03T09:00:00Z" });
  await db.execute(sql`update comments set resolved_at = null, resolved_by = null where id = ${question}`);

  const inbox = rowsOf(
    await db.execute(sql`select recipient_id, c.body, i.reason, i.created_at from inbox_comments i join comments c on c.id = i.comment_id order by i.created_at, recipient_id`),
  );
  const of = (who: Actor) => inbox.filter((row) => row.recipient_id === who.id).map((row) => [row.body, row.reason]);
  expect(of(rita)).toEqual([["The Pentagon's.", "reply"], ["Page 31.", "reply"], ["Reopened: page 32.", "reply"]]);
  // Olga: the mention only (the replies after hers are her own); the resolution went with the reopening.
  expect(of(olga)).toEqual([["Which briefing, @Olga?", "mention"]]);
  expect(of(ed)).toEqual([["Page 31.", "reply"], ["Reopened: page 32.", "reply"]]);
  expect(inbox.filter((row) => row.body === "@Olga gone")).toEqual([]);
  expect(inbox.some((row) => row.reason === "resolved")).toBe(false);
});
