import fs from "node:fs";
import path from "node:path";
import { nextScheduledBackup, type BackupSchedule } from "@/db/backup-schedule";
import { backupFileName, isBackupName, listBackups, type BackupFile } from "@/db/backups";
import type { Connection, Engine } from "@/db/connect";
import { recordAudit } from "@/lib/audit/record";
import { Conflict, NotFound } from "@/lib/errors";
import { enforce } from "@/lib/policies/enforce";
import { mayBackUp } from "@/lib/policies/backup";
import type { Actor } from "@/lib/users/actor";

/** What the backups page shows: the engine, the schedule (null when off or on PostgreSQL), when the next is due and the backups kept. */
export type BackupsOverview = { engine: Engine; schedule: BackupSchedule | null; next: Date | null; backups: BackupFile[] };

export type BackupDownload = { name: string; bytes: Uint8Array };

export function backupsOverview(connection: Connection, schedule: BackupSchedule | null, actor: Actor | null): BackupsOverview {
  enforce(mayBackUp(actor), actor);
  const kept = connection.backup && schedule ? schedule : null;
  return { engine: connection.engine, schedule: kept, next: kept ? nextScheduledBackup() : null, backups: kept ? listBackups(kept.dir) : [] };
}

async function recordDownload(connection: Connection, actor: Actor, file: string): Promise<void> {
  await connection.db.transaction((tx) => recordAudit(tx, { actorId: actor.id, subject: "user", subjectId: actor.id, action: "backed_up", after: { file } }));
}

/** A backup made now, to download (admins; audited). Only of the embedded database: PostgreSQL's is pg_dump's. */
export async function backupNow(connection: Connection, actor: Actor | null, now = new Date()): Promise<BackupDownload> {
  enforce(mayBackUp(actor), actor);
  if (!connection.backup) throw new Conflict("This desk runs on PostgreSQL: back it up with pg_dump (see the README's Backups).");
  const download = { name: backupFileName(now), bytes: await connection.backup() };
  await recordDownload(connection, actor!, download.name);
  return download;
}

/** One of the scheduled backups kept in the schedule's directory, to download (admins; audited). */
export async function storedBackup(connection: Connection, schedule: BackupSchedule | null, actor: Actor | null, name: string): Promise<BackupDownload> {
  enforce(mayBackUp(actor), actor);
  // Only a backup's name, so that nothing else on the disk can be asked for.
  const file = schedule && isBackupName(name) ? path.join(schedule.dir, name) : null;
  if (!file || !fs.existsSync(file)) throw new NotFound(`No backup named ${name}: it may have been deleted as newer ones came. Reload the list of backups.`);
  const download = { name, bytes: new Uint8Array(fs.readFileSync(file)) };
  await recordDownload(connection, actor!, name);
  return download;
}
