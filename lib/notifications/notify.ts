import { and, inArray, isNull, lt, or, sql } from "drizzle-orm";
import type { Database } from "@/db/database";
import { rowsOf } from "@/db/rows";
import { users } from "@/db/schema";
import { countInboxWithin, inboxItemsWithin, peopleWithItemsWithin } from "@/lib/comments/inbox";
import { lastTimeOfDayIn } from "@/lib/day-bounds";
import { dayIn } from "@/lib/time-zone";
import { dueWorkOf, peopleWithDueWork, type DueWork } from "@/lib/annotations/due-work";
import { inboxEmail, type Email } from "./inbox-email";

/** Sends one email; rejects when the mail server refuses it or cannot be reached. */
export type SendEmail = (email: Email) => Promise<void>;

/** The most items one email lists; it says how many more wait in the inbox. */
export const MAX_ITEMS_PER_EMAIL = 20;

/** The most claims due a daily email lists; it says how many more are due. */
const MAX_DUE_PER_EMAIL = 10;

/** How long an instance holds a person while emailing them: well beyond a mail server's timeouts. */
const LEASE = "2 minutes";

/** How long after a failed email the next try waits. */
export const RETRY_AFTER = "5 minutes";

/** Times come from the drivers as Date (node-postgres) or as text: `new Date` reads both. */
type Moment = Date | string;
type Candidate = { id: string; name: string; email: string; daily: boolean; after: Moment; until: Moment };

/** What a round needs of the desk: its address and name for the emails, and when items are due (./mail-settings.ts). */
export type EmailDesk = { appUrl: string; newsroom: string; delaySeconds: number; daily: { at: string; timeZone: string } };

/** What one round did: emails sent, and those the mail server refused or did not take. */
export type Round = { sent: number; failed: number };

/** A person whose watermark lies further back than this, with nothing new, has it moved up: the next rounds look at a shorter stretch of the desk. */
const CATCH_UP = "1 hour";

/**
 * Emails each person who wants it what landed in their inbox since they last looked at it or were last
 * emailed, once it has waited `delaySeconds` unseen (someone at work in the desk sees it there first;
 * MIN_DELAY_SECONDS of ./mail-settings.ts at least), or, for those who want one email a day, what came
 * before the day's `daily.at` (the newsroom's clock) once it has struck, led by the claims assigned to
 * them that are due that day or overdue (sent for those alone, too): one email per person per round,
 * listing up to MAX_ITEMS_PER_EMAIL items. A round reads who may have new items from the comments and
 * review events since the earliest of those times, by index, and counts the items of those people
 * alone; a round with nothing new costs two queries (a third asks who has claims due, while someone's
 * daily email waits) and no write.
 * Any number of instances may run this at once: each holds a person (a lease on their row) while
 * emailing them, so that no two send the same items. An email that fails is tried again RETRY_AFTER
 * later; one sent is not sent again, although an instance that dies between sending and recording it
 * may leave it to be sent twice.
 */
export async function emailInboxNotifications(db: Database, send: SendEmail, desk: EmailDesk): Promise<Round> {
  const round: Round = { sent: 0, failed: 0 };
  const waiting = await candidates(db, desk);
  if (waiting.length === 0) return round;
  const time = (moment: Moment) => new Date(moment).getTime();
  const earliest = new Date(Math.min(...waiting.map((candidate) => time(candidate.after))));
  const latest = new Date(Math.max(...waiting.map((candidate) => time(candidate.until))));
  const people = await peopleWithItemsWithin(db, { after: earliest, until: latest });
  // Whoever wants a daily email has one when claims of theirs are due, new items or not: a day's first look at the work.
  const dueDay = (candidate: Candidate) => dayIn(desk.daily.timeZone, new Date(candidate.until));
  const daily = waiting.filter((each) => each.daily);
  const due = daily.length ? await peopleWithDueWork(db, daily.map((each) => each.id), dueDay(daily[0]!)) : new Set<string>();
  const quiet = waiting.filter((each) => !people.has(each.id) && !due.has(each.id));
  for (const candidate of waiting.filter((each) => people.has(each.id) || due.has(each.id))) {
    const until = new Date(candidate.until);
    if (!due.has(candidate.id) && (await countInboxWithin(db, candidate.id, { after: new Date(candidate.after), until })) === 0) {
      quiet.push(candidate);
      continue;
    }
    const outcome = await emailOne(db, send, candidate, until, desk, due.has(candidate.id) ? dueDay(candidate) : null);
    if (outcome !== "skipped") round[outcome]++;
  }
  await catchUp(db, quiet);
  return round;
}

/**
 * Emails one person what their inbox holds from their watermark to `until` if no other instance is
 * at it, with the claims due by `dueDay` when given, and records it: sent (the watermark moves to
 * `until`), failed (tried again RETRY_AFTER later), or skipped (another instance got there first, or it
 * held nothing by then).
 */
async function emailOne(db: Database, send: SendEmail, person: Candidate, until: Date, desk: EmailDesk, dueDay: string | null): Promise<keyof Round | "skipped"> {
  const held = await hold(db, person.id);
  if (!held) return "skipped";
  const [{ items, total }, due] = await Promise.all([
    inboxItemsWithin(db, person.id, { after: new Date(held.after), until }, MAX_ITEMS_PER_EMAIL),
    dueDay ? dueWorkOf(db, person.id, dueDay, MAX_DUE_PER_EMAIL) : Promise.resolve<DueWork | null>(null),
  ]);
  const worth = total > 0 || (due?.total ?? 0) > 0;
  try {
    if (worth) await send(inboxEmail(person, items, total, { appUrl: desk.appUrl, newsroom: desk.newsroom, daily: person.daily ? desk.daily : null }, due));
  } catch (error) {
    await release(db, person.id, { retryAfter: RETRY_AFTER });
    console.error(`Email: could not email ${person.email} (${error instanceof Error ? error.message : String(error)}); trying again in ${RETRY_AFTER}.`);
    return "failed";
  }
  await release(db, person.id, { notifiedUntil: until });
  return worth ? "sent" : "skipped";
}

/**
 * Moves up to their `until` the watermark of those of `quiet` (people with nothing in their inbox from
 * their watermark to their `until`) whose watermark lies more than CATCH_UP behind it, unless an
 * instance holds them: at most one write per quiet person per CATCH_UP, one statement per `until`
 * (those who want email as it comes share one, those who want it daily another).
 */
async function catchUp(db: Database, quiet: Candidate[]): Promise<void> {
  const byUntil = new Map<string, Candidate[]>();
  for (const candidate of quiet) {
    const until = new Date(candidate.until).toISOString();
    byUntil.set(until, [...(byUntil.get(until) ?? []), candidate]);
  }
  for (const [until, people] of byUntil) {
    await db
      .update(users)
      .set({ notifiedUntil: new Date(until) })
      .where(
        and(
          inArray(users.id, people.map((person) => person.id)),
          or(isNull(users.notifyingUntil), lt(users.notifyingUntil, sql`now()`)),
          sql`greatest(${users.notifiedUntil}, ${users.inboxSeenAt}) < ${until}::timestamptz - ${CATCH_UP}::interval`,
        ),
      );
  }
}

/**
 * The people who want email and are not held by an instance, each with the span of their inbox not
 * yet emailed, if any: after they last saw it or were last emailed, up to `delaySeconds` ago by the
 * database's clock, or, for those who want it daily, up to the day's `daily.at` last struck.
 */
async function candidates(db: Database, { delaySeconds, daily }: EmailDesk): Promise<Candidate[]> {
  const result = await db.execute(sql`
    select * from (
      select id, name, email, email_daily as "daily",
        greatest(notified_until, inbox_seen_at) as "after",
        case when email_daily then ${lastTimeOfDayIn(daily.at, daily.timeZone)} else now() - make_interval(secs => ${delaySeconds}) end as "until"
      from users
      where email_notifications and not disabled and (notifying_until is null or notifying_until < now())
    ) candidate
    where "after" < "until"
    order by id`);
  return rowsOf<Candidate>(result);
}

/** Holds a person for this instance if no other holds them, and says from when their inbox is to be emailed; null if another instance got there first. */
async function hold(db: Database, userId: string): Promise<{ after: Moment } | null> {
  const result = await db.execute(sql`
    update users set notifying_until = now() + ${LEASE}::interval
    where id = ${userId} and email_notifications and not disabled and (notifying_until is null or notifying_until < now())
    returning greatest(notified_until, inbox_seen_at) as "after"`);
  return rowsOf<{ after: Moment }>(result)[0] ?? null;
}

/** Lets a person go: emailed up to `notifiedUntil`, or to be tried again after `retryAfter`. */
async function release(db: Database, userId: string, outcome: { notifiedUntil: Date } | { retryAfter: string }): Promise<void> {
  await db.execute(
    "notifiedUntil" in outcome
      ? sql`update users set notified_until = greatest(notified_until, ${outcome.notifiedUntil.toISOString()}::timestamptz), notifying_until = null where id = ${userId}`
      : sql`update users set notifying_until = now() + ${outcome.retryAfter}::interval where id = ${userId}`,
  );
}
