import path from "node:path";
import { z } from "zod";
import { listBackups, pruneBackups, writeBackup } from "./backups";
import { embeddedDataDir, type Connection } from "./connect";

/** Where and how often the app backs the embedded database up, and how many backups it keeps. */
export type BackupSchedule = { dir: string; everyHours: number; keep: number };

const DEFAULT_EVERY_HOURS = 24;
const DEFAULT_KEEP = 7;
/** The first backup after a start waits this long: the start-up's own work (migrations, the first pages) goes first. */
const FIRST_BACKUP_DELAY_MS = 5 * 60_000;
/** After a failed backup (a full disk, say), the next attempt comes this soon, however long the interval. */
const RETRY_MS = 60 * 60_000;

const hoursSchema = z.coerce.number({ error: "must be a number of hours" }).min(0, "must be 0 (off) or more").max(24 * 31, "must be at most 744 (a month)");
const keepSchema = z.coerce.number({ error: "must be a whole number" }).int("must be a whole number").min(1, "must be at least 1").max(1000, "must be at most 1000");

/**
 * The schedule the environment sets: `BACKUP_DIR` (default: `backups` beside the data directory),
 * `BACKUP_INTERVAL_HOURS` (default 24; 0 turns scheduled backups off) and `BACKUP_KEEP` (default 7).
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
  const dir = path.resolve(/*turbopackIgnore: true*/ env.BACKUP_DIR?.trim() || path.join(path.dirname(embeddedDataDir(env)), "backups"));
  return { schedule: everyHours > 0 ? { dir, everyHours, keep } : null, problems };
}

/** When the next scheduled backup is due: an interval after the newest, but never in the first minutes after a start. */
export function nextBackupAt(schedule: BackupSchedule, newest: Date | null, startedAt: Date): Date {
  const earliest = startedAt.getTime() + FIRST_BACKUP_DELAY_MS;
  const due = newest ? newest.getTime() + schedule.everyHours * 3_600_000 : earliest;
  return new Date(Math.max(earliest, due));
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
      at(new Date(Date.now() + schedule.everyHours * 3_600_000));
    } catch (error) {
      console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}. The next attempt is in an hour.`);
      at(new Date(Date.now() + Math.min(RETRY_MS, schedule.everyHours * 3_600_000)));
    }
  };
  const newest = listBackups(schedule.dir)[0];
  const next = nextBackupAt(schedule, newest ? new Date(newest.createdAt) : null, now);
  console.log(`Backups: every ${schedule.everyHours} h into ${schedule.dir}, the newest ${schedule.keep} kept; the next at ${next.toISOString()}.`);
  at(next);
}
