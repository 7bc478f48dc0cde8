import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { rowsOf } from "@/db/rows";
import { annotations, users } from "@/db/schema";
import { createAnnotation } from "@/lib/annotations/service";
import { markOpenedRead, markInboxSeen } from "@/lib/comments/inbox";
import { addComment, resolveThread } from "@/lib/comments/service";
import { formatDueDate } from "@/lib/dates";
import { Invalid, Unauthenticated } from "@/lib/errors";
import type { Email } from "@/lib/notifications/inbox-email";
import { emailInboxNotifications, type SendEmail } from "@/lib/notifications/notify";
import { smtpSender } from "@/lib/notifications/smtp";
import { changeStatus } from "@/lib/reviews/service";
import type { Actor } from "@/lib/users/actor";
import { getAccount, setEmailNotifications } from "@/lib/users/account";
import { startMailServer, type MailServer } from "../mail-server";
import { describeOnEveryEngine } from "./engines";
import { addArticle, addUser, completeClaim, selectorsOf } from "./fixtures";

const DESK = { appUrl: "https://desk.example.org", newsroom: "The Courier" };

let smtp: MailServer;

beforeAll(async () => {
  smtp = await startMailServer();
});

afterAll(() => smtp.close());

describeOnEveryEngine("emailing what lands in the inbox", (db) => {
  let rita: Actor;
  let ed: Actor;
  let claimId: string;
  let articleId: string;
  let articleText: string;
  let outbox: Email[];
  let failing: boolean;

  /** What the mail server is handed, kept in order; rejects while `failing`, as a server that refuses. */
  const record: SendEmail = async (email) => {
    if (failing) throw new Error("550 Mailbox unavailable");
    outbox.push(email);
  };
  const round = (delaySeconds = 0, send = record, daily = { at: "08:00", timeZone: "UTC" }) => emailInboxNotifications(db(), send, { ...DESK, delaySeconds, daily });
  const mention = (body: string, who: Actor = rita) => addComment(db(), ed, claimId, { body, mentions: [who.id] });

  beforeEach(async () => {
    rita = await addUser(db(), "reviewer", { name: "Rita Reviewer" });
    ed = await addUser(db(), "editor", { name: "Ed Editor" });
    const article = await addArticle(db());
    articleId = article.id;
    articleText = article.plainText;
    claimId = (await createAnnotation(db(), rita, article.id, { selectors: selectorsOf(article.plainText, "non-persistent"), ...completeClaim })).id;
    // Accounts start emailed up to their creation: what came before is not news.
    await db().execute(sql`update users set notified_until = now() - interval '1 hour'`);
    outbox = [];
    failing = false;
  });

  it("emails each person what came since they were last emailed, once, each item with a link to its claim", async () => {
    await mention("@Rita Reviewer can you check the date?\nThe ministry says Tuesday.");
    const submitted = await changeStatus(db(), rita, claimId, { to: "in_review", version: 1 });
    await changeStatus(db(), ed, claimId, { to: "changes_requested", version: submitted.version, comment: "Name the second source." });

    expect(await round()).toEqual({ sent: 1, failed: 0 });
    expect(outbox).toHaveLength(1);
    const [email] = outbox;
    const link = `https://desk.example.org/articles/${articleId}?annotation=${claimId}`;
    expect(email).toMatchObject({ to: { name: "Rita Reviewer", address: rita.email }, subject: "2 new in your inbox at The Courier" });
    expect(email!.text).toBe(
      [
        "Hello Rita Reviewer,",
        "New in your inbox at The Courier:",
        `Ed Editor asked for changes to the claim “non-persistent” in Mines for Ukraine:\n> Name the second source.\n${link}`,
        `Ed Editor mentioned you on the claim “non-persistent” in Mines for Ukraine:\n> @Rita Reviewer can you check the date?\n> The ministry says Tuesday.\n${link}`,
        "Your inbox: https://desk.example.org/inbox",
        "You get this email because what lands in your inbox is emailed to you when you have not seen it in the desk. To stop these emails, or to have them once a day, change it on your account page: https://desk.example.org/account#notifications\n",
      ].join("\n\n"),
    );

    // Emailed once: the next round finds nothing new, and the one after sends only what came since.
    expect(await round()).toEqual({ sent: 0, failed: 0 });
    await mention("@Rita Reviewer and the map?");
    await round();
    expect(outbox.map((each) => each.subject)).toEqual(["2 new in your inbox at The Courier", "Ed Editor mentioned you on the claim “non-persistent”"]);
    expect(outbox[1]!.text).toContain("> @Rita Reviewer and the map?");
    expect(outbox[1]!.text).not.toContain("Tuesday");
  });

  it("emails replies to whoever started the thread or replied before, and moves up the watermark of people with nothing new", async () => {
    const olga = await addUser(db(), "reviewer", { name: "Olga Reviewer" });
    const quinn = await addUser(db(), "reviewer", { name: "Quinn Quiet" });
    await db().execute(sql`update users set notified_until = now() - interval '2 hours'`);
    const startedAt = new Date();
    const thread = await addComment(db(), rita, claimId, { body: "Is the date right?" });
    await addComment(db(), olga, claimId, { body: "The ministry says Tuesday.", parentId: thread.id });
    await addComment(db(), ed, claimId, { body: "Tuesday it is.", parentId: thread.id });

    expect(await round()).toEqual({ sent: 2, failed: 0 });
    const byPerson = Object.fromEntries(outbox.map((email) => [email.to.name, email]));
    expect(Object.keys(byPerson).sort()).toEqual(["Olga Reviewer", "Rita Reviewer"]);
    expect(byPerson["Rita Reviewer"]!.subject).toBe("2 new in your inbox at The Courier");
    expect(byPerson["Rita Reviewer"]!.text).toContain("Olga Reviewer replied in a thread you are in on the claim “non-persistent”");
    expect(byPerson["Olga Reviewer"]!.subject).toBe("Ed Editor replied in a thread you are in on the claim “non-persistent”");

    // Nothing came for Quinn nor for Ed: their watermarks move up, so later rounds read from here.
    const watermarks = await db().select({ id: users.id, at: users.notifiedUntil }).from(users);
    const at = (who: Actor) => watermarks.find((row) => row.id === who.id)!.at.getTime();
    for (const who of [quinn, ed, rita, olga]) expect(at(who)).toBeGreaterThanOrEqual(startedAt.getTime() - 1_000);
  });

  it("emails the people in a thread when someone else resolves it", async () => {
    const olga = await addUser(db(), "reviewer", { name: "Olga Reviewer" });
    const thread = await addComment(db(), rita, claimId, { body: "Is the date right?" });
    await addComment(db(), olga, claimId, { body: "The ministry says Tuesday.", parentId: thread.id });
    await round();
    outbox = [];

    await resolveThread(db(), ed, thread.id, { resolved: true });
    expect(await round()).toEqual({ sent: 2, failed: 0 });
    const link = `https://desk.example.org/articles/${articleId}?annotation=${claimId}`;
    expect(outbox.map((email) => [email.to.name, email.subject]).sort()).toEqual([
      ["Olga Reviewer", "Ed Editor resolved a thread you are in on the claim “non-persistent”"],
      ["Rita Reviewer", "Ed Editor resolved a thread you are in on the claim “non-persistent”"],
    ]);
    expect(outbox[0]!.text).toContain(`Ed Editor resolved a thread you are in on the claim “non-persistent” in Mines for Ukraine:\n> Is the date right?\n${link}`);
  });

  it("waits until an item has gone unseen for the delay, and never emails what was seen in the desk", async () => {
    await mention("@Rita Reviewer first look");
    expect(await round(120)).toEqual({ sent: 0, failed: 0 });
    // Three minutes pass: the comment, and its copy in the inbox, were written that long ago.
    await db().execute(sql`update comments set created_at = created_at - interval '3 minutes'`);
    await db().execute(sql`update inbox_comments set created_at = created_at - interval '3 minutes'`);
    expect(await round(120)).toEqual({ sent: 1, failed: 0 });

    await mention("@Rita Reviewer second look");
    await markInboxSeen(db(), rita, { until: new Date().toISOString() });
    expect(await round()).toEqual({ sent: 0, failed: 0 });
    expect(outbox.map((each) => each.text).join()).not.toContain("second look");

    // Nor what she read on the claim itself, having opened it from elsewhere.
    await mention("@Rita Reviewer third look");
    await markOpenedRead(db(), rita, { annotationId: claimId });
    expect(await round()).toEqual({ sent: 0, failed: 0 });
    expect(outbox.map((each) => each.text).join()).not.toContain("third look");
  });

  it("emails only people who want it and can sign in; turned back on, it starts from then", async () => {
    const gone = await addUser(db(), "reviewer", { name: "Gone Reviewer" });
    await mention("@Gone Reviewer are you there?", gone);
    await db().update(users).set({ disabled: true }).where(sql`id = ${gone.id}`);
    expect((await getAccount(db(), rita)).emailNotifications).toBe(true);
    expect(await setEmailNotifications(db(), rita, { email: false })).toMatchObject({ emailNotifications: false });
    await mention("@Rita Reviewer while you were off");
    expect(await round()).toEqual({ sent: 0, failed: 0 });

    await setEmailNotifications(db(), rita, { email: true });
    // Turned on again while on: the time it starts from stays where it was.
    const [before] = await db().select({ at: users.notifiedUntil }).from(users).where(sql`id = ${rita.id}`);
    await setEmailNotifications(db(), rita, { email: true });
    const [after] = await db().select({ at: users.notifiedUntil }).from(users).where(sql`id = ${rita.id}`);
    expect(after!.at).toEqual(before!.at);
    await mention("@Rita Reviewer now that you are back");
    expect(await round()).toEqual({ sent: 1, failed: 0 });
    expect(outbox.map((each) => each.subject)).toEqual(["Ed Editor mentioned you on the claim “non-persistent”"]);
    expect(outbox[0]!.text).toContain("now that you are back");
    expect(outbox[0]!.text).not.toContain("while you were off");

    await expect(setEmailNotifications(db(), rita, { email: "yes" })).rejects.toMatchObject({ constructor: Invalid, fields: { email: "must be true or false" } });
    await expect(setEmailNotifications(db(), rita, {})).rejects.toMatchObject({ constructor: Invalid, fields: { email: expect.any(String) } });
    await expect(setEmailNotifications(db(), null, { email: true })).rejects.toBeInstanceOf(Unauthenticated);
  });

  it("emails those who want it once a day what came before the day's hour, once it has struck, and the others as it comes", async () => {
    expect(await setEmailNotifications(db(), rita, { email: true, daily: true })).toMatchObject({ emailNotifications: true, emailDaily: true });
    await db().execute(sql`update users set notified_until = now() - interval '3 hours' where id = ${rita.id}`);
    await mention("@Rita Reviewer the question from this morning");
    await db().execute(sql`update inbox_comments set created_at = created_at - interval '2 hours'`);
    // The database's clock in the newsroom's time zone: this minute, and one not yet come.
    const [clock] = rowsOf<{ now: string; next: string }>(
      await db().execute(sql`select to_char(now() at time zone 'Asia/Kolkata', 'HH24:MI') as now, to_char(now() at time zone 'Asia/Kolkata' + interval '2 minutes', 'HH24:MI') as next`),
    );
    const kolkata = (at: string) => ({ at, timeZone: "Asia/Kolkata" });

    // Its hour has not struck today, and the last daily email went before the question came: nothing yet.
    expect(await round(0, record, kolkata(clock!.next))).toEqual({ sent: 0, failed: 0 });
    // Struck: one email of the day, saying when it comes and how to change it.
    expect(await round(0, record, kolkata(clock!.now))).toEqual({ sent: 1, failed: 0 });
    expect(outbox[0]!.subject).toBe("Your day at The Courier: 1 new in your inbox");
    expect(outbox[0]!.text).toContain("New in your inbox at The Courier since your last daily email:");
    expect(outbox[0]!.text).toContain("the question from this morning");
    expect(outbox[0]!.text).toContain(`You get this email once a day, at ${clock!.now} Kolkata time, because you asked for what lands in your inbox in one daily email.`);

    // What comes after the hour waits for the next day; whoever wants email as it comes has theirs.
    await mention("@Rita Reviewer a second question");
    await addComment(db(), rita, claimId, { body: "@Ed Editor over to you", mentions: [ed.id] });
    expect(await round(0, record, kolkata(clock!.now))).toEqual({ sent: 1, failed: 0 });
    expect(outbox[1]!.to.name).toBe("Ed Editor");
    // Back to email as it comes: what waited for the next day comes now.
    expect(await setEmailNotifications(db(), rita, { email: true, daily: false })).toMatchObject({ emailDaily: false });
    expect(await round(0, record, kolkata(clock!.now))).toEqual({ sent: 1, failed: 0 });
    expect(outbox[2]!.subject).toBe("Ed Editor mentioned you on the claim “non-persistent”");
    expect(outbox[2]!.text).toContain("a second question");

    await expect(setEmailNotifications(db(), rita, { email: true, daily: "yes" })).rejects.toMatchObject({ constructor: Invalid, fields: { daily: "must be true or false" } });
  });

  const dueOn = async (id: string) => (await db().select({ dueOn: annotations.dueOn }).from(annotations).where(sql`id = ${id}`))[0]!.dueOn!;

  it("reminds those who want a daily email of the claims assigned to them that are due or overdue, even on a day with nothing new", async () => {
    const overdue = (await createAnnotation(db(), ed, articleId, { selectors: selectorsOf(articleText, "anti-personnel mines"), ...completeClaim })).id;
    const closed = (await createAnnotation(db(), ed, articleId, { selectors: selectorsOf(articleText, "United States"), ...completeClaim })).id;
    const kolkataToday = sql`(now() at time zone 'Asia/Kolkata')::date`;
    await db().execute(sql`update annotations set assignee_id = ${rita.id}, due_on = ${kolkataToday} where id = ${claimId}`);
    await db().execute(sql`update annotations set assignee_id = ${rita.id}, due_on = ${kolkataToday} - 2 where id = ${overdue}`);
    await db().execute(sql`update annotations set assignee_id = ${rita.id}, due_on = ${kolkataToday} - 1, status = 'approved' where id = ${closed}`);
    const [clock] = rowsOf<{ now: string }>(await db().execute(sql`select to_char(now() at time zone 'Asia/Kolkata', 'HH24:MI') as now`));
    const hour = { at: clock!.now, timeZone: "Asia/Kolkata" };

    await setEmailNotifications(db(), rita, { email: true, daily: true });
    // Ed, emailed as things come, is not reminded of his: Rita alone hears of hers.
    const edsClaim = (await createAnnotation(db(), ed, articleId, { selectors: selectorsOf(articleText, "non-persistent"), ...completeClaim })).id;
    await db().execute(sql`update annotations set assignee_id = ${ed.id}, due_on = ${kolkataToday} - 1 where id = ${edsClaim}`);
    expect(await round(0, record, hour)).toEqual({ sent: 1, failed: 0 });
    const [email] = outbox;
    expect(email!.to.name).toBe("Rita Reviewer");
    expect(email!.subject).toBe("Your day at The Courier: 2 claims due");
    const link = (id: string) => `https://desk.example.org/articles/${articleId}?annotation=${id}`;
    expect(email!.text).toContain(
      [
        "Assigned to you and due by today (2 claims due):",
        `- “anti-personnel mines” in Mines for Ukraine, overdue since ${formatDueDate(await dueOn(overdue))}: ${link(overdue)}`,
        `- “non-persistent” in Mines for Ukraine, due today: ${link(claimId)}`,
      ].join("\n"),
    );
    expect(email!.text).toContain("Nothing new in your inbox at The Courier since your last daily email.");
    // Once a day.
    expect(await round(0, record, hour)).toEqual({ sent: 0, failed: 0 });
  });

  it("sends one email however many instances look at once", async () => {
    await mention("@Rita Reviewer one");
    await mention("@Rita Reviewer two");
    const rounds = await Promise.all([round(), round(), round()]);
    expect(rounds.reduce((sum, each) => sum + each.sent, 0)).toBe(1);
    expect(outbox).toHaveLength(1);
    expect(outbox[0]!.subject).toBe("2 new in your inbox at The Courier");
  });

  it("keeps what a refused email held for a later try, after a pause", async () => {
    await mention("@Rita Reviewer refused once");
    failing = true;
    expect(await round()).toEqual({ sent: 0, failed: 1 });
    failing = false;
    expect(await round()).toEqual({ sent: 0, failed: 0 });
    await db().execute(sql`update users set notifying_until = now() - interval '1 second' where id = ${rita.id}`);
    await mention("@Rita Reviewer and later");
    expect(await round()).toEqual({ sent: 1, failed: 0 });
    expect(outbox[0]!.subject).toBe("2 new in your inbox at The Courier");
  });

  it("lists at most twenty items and says how many more wait", async () => {
    for (let n = 1; n <= 23; n++) await mention(`@Rita Reviewer note ${n}`);
    await round();
    const { text } = outbox[0]!;
    expect(outbox[0]!.subject).toBe("23 new in your inbox at The Courier");
    expect(text.match(/^Ed Editor mentioned you/gm)).toHaveLength(20);
    expect(text).toContain("note 23");
    expect(text).not.toContain("note 3\n");
    expect(text).toContain("And 3 more in your inbox.");
  });

  it("sends through an SMTP server: plain text, to the person, marked as sent by a machine", async () => {
    smtp.received.length = 0;
    await mention("@Rita Reviewer <b>not bold</b> and “quoted”");
    const send = smtpSender(smtp.url, '"The Courier" <desk@example.org>');
    expect(await round(0, send)).toEqual({ sent: 1, failed: 0 });
    expect(smtp.received.map((each) => each.to)).toEqual([[rita.email]]);
    const { mail } = smtp.received[0]!;
    expect(mail.from?.text).toBe('"The Courier" <desk@example.org>');
    expect(mail.to).toMatchObject({ text: `"Rita Reviewer" <${rita.email}>` });
    expect(mail.subject).toBe("Ed Editor mentioned you on the claim “non-persistent”");
    expect(mail.headers.get("auto-submitted")).toBe("auto-generated");
    expect(mail.html).toBe(false);
    expect(mail.text).toContain("> @Rita Reviewer <b>not bold</b> and “quoted”");
    expect(mail.text).toContain(`https://desk.example.org/articles/${articleId}?annotation=${claimId}`);

    smtp.refusing = true;
    await mention("@Rita Reviewer refused by the server");
    expect(await round(0, send)).toEqual({ sent: 0, failed: 1 });
    smtp.refusing = false;
  });
});
