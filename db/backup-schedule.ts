import path from "node:path";
import { z } from "zod";
import { listBackups, pruneBackups, writeBackup } from "./backups";
import { embeddedDataDir, type Connection } from "./connect";

/**
 * Where and how often the app backs the embedded database up, and how many backups it keeps. With
 * `atMinute` (minutes after midnight, UTC), backups are daily at that time of day instead, so that the
 * pause a backup makes falls in the desk's quiet hour.
 */
export type BackupSchedule = { dir: string; everyHours: number; keep: number; atMinute: number | null };

const DEFAULT_EVERY_HOURS = 24;
const DEFAULT_KEEP = 7;
/** The first backup after a start waits this long: the start-up's own work (migrations, the first pages) goes first. */
const FIRST_BACKUP_DELAY_MS = 5 * 60_000;
/** After a failed backup (a full disk, say), the next attempt comes this soon, however long the interval. */
const RETRY_MS = 60 * 60_000;

const hoursSchema = z.coerce.number({ error: "must be a number of hours" }).min(0, "must be 0 (off) or more").max(24 * 31, "must be at most 744 (a month)");
const timeOfDaySchema = z
  .string()
  .trim()
  .regex(/^([01]?\d|2[0-3]):[0-5]\d$/, "must be a time of day, HH:MM in UTC")
  .transform((value) => {
    const [hours, minutes] = value.split(":").map(Number);
    return hours! * 60 + minutes!;
  });
const keepSchema = z.coerce.number({ error: "must be a whole number" }).int("must be a whole number").min(1, "must be at least 1").max(1000, "must be at most 1000");

/**
 * The schedule the environment sets: `BACKUP_DIR` (default: `backups` beside the data directory),
 * `BACKUP_INTERVAL_HOURS` (default 24; 0 turns scheduled backups off), `BACKUP_AT` (a time of day in UTC,
 * HH:MM: daily at that time instead of every interval; unset by default) and `BACKUP_KEEP` (default 7).
 * A malformed value keeps its default and is named in `problems`: backups stay on.
 */
export function readBackupSchedule(env: Record<string, string | undefined> = process.env): { schedule: BackupSchedule | null; problems: string[] } {
  const problems: string[] = [];
  const read = <T>(name: string, schema: z.ZodType<T>, fallback: T): T => {
    const value = env[name];
    if (value === undefined || value.trim() === "") return fallback;
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    problems.push(`${name} ${parsed.error.issues[0]!.message} (it is "${value}"): using ${String(fallback)}.`);
    return fallback;
  };
  const everyHours = read("BACKUP_INTERVAL_HOURS", hoursSchema, DEFAULT_EVERY_HOURS);
  const keep = read("BACKUP_KEEP", keepSchema, DEFAULT_KEEP);
  const atMinute = read<number | null>("BACKUP_AT", timeOfDaySchema, null);
  const dir = path.resolve(/*turbopackIgnore: true*/ env.BACKUP_DIR?.trim() || path.join(path.dirname(embeddedDataDir(env)), "backups"));
  return { schedule: everyHours > 0 ? { dir, everyHours: atMinute === null ? everyHours : 24, keep, atMinute } : null, problems };
}

/** "03:30": a minute of the day as the schedule says it. */
export function timeOfDay(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
}

/** The first moment at `minute` of a UTC day at or after `after`. */
function nextTimeOfDay(minute: number, after: Date): Date {
  const slot = new Date(after);
  slot.setUTCHours(Math.floor(minute / 60), minute % 60, 0, 0);
  if (slot < after) slot.setUTCDate(slot.getUTCDate() + 1);
  return slot;
}

/**
 * When the next scheduled backup is due: an interval after the newest, but never in the first minutes
 * after a start; with a time of day, the first time of day after those minutes (a start just before it
 * waits for the next day rather than pause the desk at another hour).
 */
export function nextBackupAt(schedule: BackupSchedule, newest: Date | null, startedAt: Date): Date {
  const earliest = startedAt.getTime() + FIRST_BACKUP_DELAY_MS;
  if (schedule.atMinute !== null) return nextTimeOfDay(schedule.atMinute, new Date(earliest));
  const due = newest ? newest.getTime() + schedule.everyHours * 3_600_000 : earliest;
  return new Date(Math.max(earliest, due));
}

/** When the backup after one just written is due: an interval later, or the same time the next day. */
function afterBackup(schedule: BackupSchedule, now: Date): Date {
  if (schedule.atMinute !== null) return nextTimeOfDay(schedule.atMinute, new Date(now.getTime() + 60_000));
  return new Date(now.getTime() + schedule.everyHours * 3_600_000);
}

/** "every 24 h" or "daily at 03:30 UTC". */
export function describeBackupTimes(schedule: BackupSchedule): string {
  return schedule.atMinute === null ? `every ${schedule.everyHours} h` : `daily at ${timeOfDay(schedule.atMinute)} UTC`;
}

const holder = globalThis as typeof globalThis & { __factcheckBackupTimer?: ReturnType<typeof setTimeout>; __factcheckNextBackup?: Date };

/** When this process makes its next scheduled backup, or null when it makes none. */
export function nextScheduledBackup(): Date | null {
  return holder.__factcheckNextBackup ?? null;
}

/**
 * Backs the embedded database up on its schedule, from the process that holds it, and deletes all but the
 * newest `keep` backups. Nothing on PostgreSQL, whose backups are pg_dump's. One timer per process.
 */
export function startScheduledBackups(connection: Connection, schedule: BackupSchedule | null, now = new Date()): void {
  if (!schedule || !connection.backup || holder.__factcheckBackupTimer) return;
  const at = (when: Date) => {
    holder.__factcheckNextBackup = when;
    holder.__factcheckBackupTimer = setTimeout(run, Math.max(0, when.getTime() - Date.now()));
    holder.__factcheckBackupTimer.unref?.();
  };
  const run = async () => {
    try {
      const written = await writeBackup(connection, schedule.dir);
      pruneBackups(schedule.dir, schedule.keep);
      console.log(`Backup written: ${path.join(schedule.dir, written.name)} (${(written.bytes / 1_048_576).toFixed(1)} MB).`);
      at(afterBackup(schedule, new Date()));
    } catch (error) {
      console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}. The next attempt is in an hour.`);
      at(new Date(Date.now() + Math.min(RETRY_MS, schedule.everyHours * 3_600_000)));
    }
  };
  const newest = listBackups(schedule.dir)[0];
  const next = nextBackupAt(schedule, newest ? new Date(newest.createdAt) : null, now);
  console.log(`Backups: ${describeBackupTimes(schedule)} into ${schedule.dir}, the newest ${schedule.keep} kept; the next at ${next.toISOString()}.`);
  at(next);
}
