import { and, isNotNull, lt } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/database";
import { readerMessages } from "@/db/schema";

/** How long a reader's email is kept once their message is handled: long enough for a follow-up, no longer. */
export const DEFAULT_EMAIL_KEEP_DAYS = 90;

const DAY_MS = 24 * 60 * 60 * 1000;
/** How often each instance erases the emails whose time is up: the erasure is at most this late. */
const ERASE_EVERY_MS = 60 * 60 * 1000;
/** The first erasure waits for the start-up to settle. */
const FIRST_ERASURE_MS = 60 * 1000;

const keepDaysSchema = z.coerce.number({ error: "must be a whole number of days" }).int("must be a whole number of days").min(0, "must be 0 or more").max(3650, "must be at most 3650 (ten years)");

/**
 * The days a reader's email is kept after their message is handled: `READER_EMAIL_KEEP_DAYS` (0: erased
 * within the hour it is handled), else 90. A malformed value keeps the default and is named in `problem`.
 */
export function readerEmailKeepDays(env: Record<string, string | undefined> = process.env): { days: number; problem: string | null } {
  const value = env.READER_EMAIL_KEEP_DAYS;
  if (value === undefined || value.trim() === "") return { days: DEFAULT_EMAIL_KEEP_DAYS, problem: null };
  const parsed = keepDaysSchema.safeParse(value.trim());
  if (parsed.success) return { days: parsed.data, problem: null };
  return { days: DEFAULT_EMAIL_KEEP_DAYS, problem: `READER_EMAIL_KEEP_DAYS ${parsed.error.issues[0]!.message} (it is "${value}"): keeping readers' emails ${DEFAULT_EMAIL_KEEP_DAYS} days.` };
}

/** When a handled message's email is erased; null while it is not handled. */
export function emailErasedAfter(handledAt: Date | null, keepDays: number): Date | null {
  return handledAt && new Date(handledAt.getTime() + keepDays * DAY_MS);
}

/** Erases the emails of the messages handled more than `keepDays` days before `now`; how many. The same on every instance, run twice or not. */
export async function eraseHandledReaderEmails(db: Database, keepDays: number, now = new Date()): Promise<number> {
  const erased = await db
    .update(readerMessages)
    .set({ contactEmail: null })
    .where(and(isNotNull(readerMessages.contactEmail), lt(readerMessages.handledAt, new Date(now.getTime() - keepDays * DAY_MS))))
    .returning({ id: readerMessages.id });
  return erased.length;
}

const holder = globalThis as { __factcheckReaderEmailTimer?: ReturnType<typeof setInterval> };

/** Erases readers' emails whose time is up a minute after the start and then hourly, for as long as the server runs (once per process). */
export function startReaderEmailErasure(db: Database, keepDays: number): void {
  if (holder.__factcheckReaderEmailTimer) return;
  const erase = () =>
    eraseHandledReaderEmails(db, keepDays).catch((error: unknown) =>
      console.error(`Readers' emails: erasing those kept ${keepDays} days failed (${error instanceof Error ? error.message : String(error)}); trying again in an hour.`),
    );
  setTimeout(erase, FIRST_ERASURE_MS).unref?.();
  holder.__factcheckReaderEmailTimer = setInterval(erase, ERASE_EVERY_MS);
  holder.__factcheckReaderEmailTimer.unref?.();
}

