import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectPostgres, type Connection } from "@/db/connect";
import { createAnnotation, updateAnnotation } from "@/lib/annotations/service";
import { recordAudit } from "@/lib/audit/record";
import { Forbidden, Unauthenticated } from "@/lib/errors";
import { rowsOf } from "@/db/rows";
import type { ArticleEvent } from "@/lib/live/feed";
import { LiveHub, type Subscriber } from "@/lib/live/hub";
import { expirePresence, joinPresence, leavePresence, listPresent } from "@/lib/live/presence";
import { openArticleEvents } from "@/lib/live/service";
import { signOutEverywhere } from "@/lib/users/account";
import { findActor } from "@/lib/users/service";
import { dropDatabase, engines } from "./engines";
import { addArticle, addUser, completeClaim, selectorsOf } from "./fixtures";

const CLAIM = "anti-personnel mines";

/** Waits until `check` passes, or fails with its last error after `ms`. */
async function eventually(check: () => void | Promise<void>, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

/** A subscriber that records what it receives. */
function recorder(articleId: string, userId: string) {
  const events: ArticleEvent[] = [];
  const presence: string[][] = [];
  let cutOff = false;
  const subscriber: Subscriber = {
    connectionId: crypto.randomUUID(),
    articleId,
    userId,
    sessionGeneration: 0,
    onEvents: (batch) => events.push(...batch),
    onPresence: (present) => presence.push(present.map((person) => person.name)),
    onCutOff: () => {
      cutOff = true;
    },
    onShutdown: () => {},
  };
  return { subscriber, events, presence, cutOff: () => cutOff };
}

/** Reads server-sent events from a stream until `enough` says so. */
async function readEvents(stream: ReadableStream<Uint8Array>, enough: (text: string) => boolean): Promise<string> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let text = "";
  while (!enough(text)) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value);
  }
  await reader.cancel();
  return text;
}

for (const engine of engines) {
  describe(`live events (${engine.name})`, () => {
    let opened: Awaited<ReturnType<(typeof engine)["open"]>>;
    let connection: Connection;
    let hub: LiveHub;
    beforeAll(async () => {
      opened = await engine.open();
      connection = opened.connection;
      await connection.migrate();
      hub = new LiveHub(connection.db);
      await hub.start((channel, handlers) => connection.listen(channel, handlers));
    });
    afterAll(async () => {
      await hub.stop();
      await opened.dispose();
    });

    it("delivers every committed change of the article once, in id order, and only to its readers", async () => {
      const db = connection.db;
      const author = await addUser(db, "reviewer", { name: "Rita Author" });
      const article = await addArticle(db);
      const other = await addArticle(db);
      const reader = recorder(article.id, author.id);
      const elsewhere = recorder(other.id, author.id);
      const unsubscribe = [hub.subscribe(reader.subscriber), hub.subscribe(elsewhere.subscriber)];
      const created = await createAnnotation(db, author, article.id, { selectors: selectorsOf(article.plainText, CLAIM) });
      await updateAnnotation(db, author, created.id, { version: 1, ...completeClaim });
      const ofClaim = () => reader.events.filter((event) => event.annotationId === created.id);
      await eventually(() => expect(ofClaim().map((event) => event.kind)).toContain("annotation.updated"));
      expect(ofClaim()[0]!.kind).toBe("annotation.created");
      const ids = reader.events.map((event) => event.id);
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
      expect(new Set(ids).size).toBe(ids.length);
      expect(ofClaim()[0]).toMatchObject({ kind: "annotation.created", annotationId: created.id, articleId: article.id, actor: { id: author.id, name: "Rita Author" } });
      expect(elsewhere.events.filter((event) => event.annotationId)).toEqual([]);
      expect(reader.events.every((event) => event.articleId === article.id)).toBe(true);
      unsubscribe.forEach((stop) => stop());
    });

    it("replays from Last-Event-ID what a reader missed, then says it is ready", async () => {
      const db = connection.db;
      const author = await addUser(db, "reviewer");
      const article = await addArticle(db);
      const before = hub.delivered;
      const created = await createAnnotation(db, author, article.id, { selectors: selectorsOf(article.plainText, CLAIM) });
      const [latest] = rowsOf<{ id: number }>(await db.execute(sql`select max(id)::int as id from audit_entries`));
      await eventually(() => expect(hub.delivered).toBeGreaterThanOrEqual(latest!.id));
      // As a request reads its user: with the session generation its account honours.
      const stream = await openArticleEvents(db, async () => hub, (await findActor(db, author.id))!, article.id, {
        lastEventId: String(before),
        after: null,
        signal: new AbortController().signal,
      });
      const text = await readEvents(stream, (seen) => seen.includes("event: ready"));
      expect(text).toContain("retry: ");
      expect(text).toMatch(new RegExp(`event: change\\ndata: .*"annotationId":"${created.id}"`));
      expect(text.indexOf("event: change")).toBeLessThan(text.indexOf("event: ready"));
    });

    it("refuses anonymous and disabled users, and cuts off a reader disabled later", async () => {
      const db = connection.db;
      const article = await addArticle(db);
      const disabled = await addUser(db, "reviewer", { disabled: true });
      const request = { lastEventId: null, after: null, signal: new AbortController().signal };
      await expect(openArticleEvents(db, async () => hub, null, article.id, request)).rejects.toBeInstanceOf(Unauthenticated);
      await expect(openArticleEvents(db, async () => hub, (await findActor(db, disabled.id))!, article.id, request)).rejects.toBeInstanceOf(Forbidden);

      const reader = await addUser(db, "reviewer");
      const watching = recorder(article.id, reader.id);
      const stop = hub.subscribe(watching.subscriber);
      await db.execute(sql`update users set disabled = true where id = ${reader.id}`);
      await hub.checkActors();
      expect(watching.cutOff()).toBe(true);
      stop();
    });

    it("cuts off a reader whose sessions ended, and only them", async () => {
      const db = connection.db;
      const article = await addArticle(db);
      const [signedOut, staying] = [await addUser(db, "reviewer"), await addUser(db, "reviewer")];
      const [ended, kept] = [recorder(article.id, signedOut.id), recorder(article.id, staying.id)];
      const stops = [hub.subscribe(ended.subscriber), hub.subscribe(kept.subscriber)];
      await hub.checkActors();
      expect([ended.cutOff(), kept.cutOff()]).toEqual([false, false]);
      await signOutEverywhere(db, signedOut);
      await hub.checkActors();
      expect([ended.cutOff(), kept.cutOff()]).toEqual([true, false]);
      for (const stop of stops) stop();
    });

    it("shows who has the article open, and forgets those not seen for 30 seconds", async () => {
      const db = connection.db;
      const article = await addArticle(db);
      const rita = await addUser(db, "reviewer", { name: "Rita" });
      const ed = await addUser(db, "editor", { name: "Ed" });
      const watching = recorder(article.id, rita.id);
      const stop = hub.subscribe(watching.subscriber);
      const ritaConnection = crypto.randomUUID();
      await joinPresence(db, { connectionId: ritaConnection, articleId: article.id, userId: rita.id });
      await joinPresence(db, { connectionId: crypto.randomUUID(), articleId: article.id, userId: ed.id });
      expect((await listPresent(db, article.id)).map((person) => person.name)).toEqual(["Ed", "Rita"]);
      await eventually(() => expect(watching.presence.at(-1)).toEqual(["Ed", "Rita"]));

      await db.execute(sql`update presence set last_seen = now() - interval '31 seconds' where user_id = ${ed.id}`);
      expect((await listPresent(db, article.id)).map((person) => person.name)).toEqual(["Rita"]);
      await expirePresence(db);
      await eventually(() => expect(watching.presence.at(-1)).toEqual(["Rita"]));
      await leavePresence(db, ritaConnection);
      await eventually(() => expect(watching.presence.at(-1)).toEqual([]));
      stop();
    });
  });
}

const postgresUrl = process.env.TEST_DATABASE_URL;

describe.skipIf(!postgresUrl)("live events across instances (PostgreSQL)", () => {
  const name = `factcheck_live_${randomBytes(5).toString("hex")}`;
  let admin: Connection;
  let first: Connection;
  let second: Connection;
  let hubs: LiveHub[] = [];
  beforeAll(async () => {
    admin = await connectPostgres(postgresUrl!, { max: 1 });
    await admin.db.execute(sql.raw(`create database ${name}`));
    const url = new URL(postgresUrl!);
    url.pathname = `/${name}`;
    first = await connectPostgres(url.toString());
    second = await connectPostgres(url.toString());
    await first.migrate();
    hubs = [new LiveHub(first.db), new LiveHub(second.db)];
    await hubs[0]!.start((channel, handlers) => first.listen(channel, handlers));
    await hubs[1]!.start((channel, handlers) => second.listen(channel, handlers));
  });
  afterAll(async () => {
    for (const hub of hubs) await hub.stop();
    await first.close();
    await second.close();
    await dropDatabase(admin, name);
    await admin.close();
  });

  it("fans a change written through one pool out to the hub of another, through NOTIFY", async () => {
    const author = await addUser(first.db, "reviewer");
    const article = await addArticle(first.db);
    const reader = recorder(article.id, author.id);
    const stop = hubs[1]!.subscribe(reader.subscriber);
    const started = Date.now();
    const created = await createAnnotation(first.db, author, article.id, { selectors: selectorsOf(article.plainText, CLAIM) });
    await eventually(() => expect(reader.events.map((event) => event.annotationId)).toContain(created.id), 2_000);
    // Woken by NOTIFY, not by the 5-second safety poll.
    expect(Date.now() - started).toBeLessThan(1_000);
    stop();
  });

  it("holds back an entry committed before an older one still in flight, then delivers both in id order", async () => {
    const author = await addUser(first.db, "reviewer");
    const article = await addArticle(first.db);
    const reader = recorder(article.id, author.id);
    const stop = hubs[1]!.subscribe(reader.subscriber);
    const change = (subjectId: string) => ({ actorId: author.id, subject: "article" as const, subjectId, action: "updated" as const, articleId: article.id });

    let releaseSlow!: () => void;
    const slowMayCommit = new Promise<void>((resolve) => (releaseSlow = resolve));
    let slowHasItsId!: () => void;
    const slowTookId = new Promise<void>((resolve) => (slowHasItsId = resolve));
    const slow = first.db.transaction(async (tx) => {
      await recordAudit(tx, change("00000000-0000-4000-8000-000000000001"));
      slowHasItsId();
      await slowMayCommit;
    });
    const mine = () => reader.events.filter((event) => event.subjectId.startsWith("00000000-0000-4000-8000"));
    try {
      await slowTookId;
      await second.db.transaction((tx) => recordAudit(tx, change("00000000-0000-4000-8000-000000000002")));
      // The later id is committed and NOTIFY has gone out, but the older id is still in flight: nothing yet.
      await hubs[1]!.read();
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(mine()).toEqual([]);
    } finally {
      releaseSlow();
      await slow;
    }
    await eventually(() => expect(mine()).toHaveLength(2), 3_000);
    expect(mine().map((event) => event.subjectId)).toEqual(["00000000-0000-4000-8000-000000000001", "00000000-0000-4000-8000-000000000002"]);
    expect(mine()[0]!.id).toBeLessThan(mine()[1]!.id);
    stop();
  });
});
