import fs from "node:fs";
import path from "node:path";
import type { Connection } from "./connect";
import { lockDataDirectory } from "./embedded-lock";

/**
 * Backups of the embedded database: gzipped tarballs of its data directory, made by the process that
 * holds it (a file copy of a live directory does not open) and restored, with the app stopped, by
 * `npm run db:restore`. PostgreSQL is backed up with its own tools (pg_dump).
 */

export type BackupFile = { name: string; bytes: number; createdAt: string };

/** A backup's name: the desk's, and when it was made (UTC), so that names sort by age. */
const NAME_PATTERN = /^factcheck-desk-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})Z\.tar\.gz$/;

export function backupFileName(now: Date): string {
  return `factcheck-desk-${now.toISOString().slice(0, 19).replace(/:/g, "-")}Z.tar.gz`;
}

/** Whether `name` is a backup's name (and nothing else: no directory, no other file). */
export function isBackupName(name: string): boolean {
  return NAME_PATTERN.test(name);
}

function createdAtOf(name: string): string {
  const [, day, hours, minutes, seconds] = NAME_PATTERN.exec(name)!;
  return `${day}T${hours}:${minutes}:${seconds}Z`;
}

/** Gzip's first two bytes: anything else is not a backup. */
const GZIP_MAGIC = [0x1f, 0x8b];

function looksLikeBackup(bytes: Uint8Array): boolean {
  return bytes.length > 2 && bytes[0] === GZIP_MAGIC[0] && bytes[1] === GZIP_MAGIC[1];
}

export class NotABackup extends Error {
  constructor(detail: string) {
    super(`This file is not a backup of the desk: ${detail}. Choose a factcheck-desk-….tar.gz file made by the app or by npm run db:backup.`);
    this.name = "NotABackup";
  }
}

export class DataDirectoryInUse extends Error {
  constructor(dataDir: string) {
    super(`${dataDir} holds a database. To replace it, run again with --replace: it is moved aside first, not deleted.`);
    this.name = "DataDirectoryInUse";
  }
}

/** The backups in `dir`, newest first (none when the directory does not exist). */
export function listBackups(dir: string): BackupFile[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter(isBackupName)
    .sort()
    .reverse()
    .map((name) => ({ name, bytes: fs.statSync(path.join(dir, name)).size, createdAt: createdAtOf(name) }));
}

/** Writes a backup of `connection` into `dir`, whole or not at all (a half-written file never carries a backup's name). */
export async function writeBackup(connection: Connection, dir: string, now = new Date()): Promise<BackupFile> {
  if (!connection.backup) throw new Error("Only the embedded database is backed up by the app: back PostgreSQL up with pg_dump.");
  const bytes = await connection.backup();
  fs.mkdirSync(dir, { recursive: true });
  const name = backupFileName(now);
  const partial = path.join(dir, `.${name}.partial`);
  fs.writeFileSync(partial, bytes);
  fs.renameSync(partial, path.join(dir, name));
  return { name, bytes: bytes.length, createdAt: createdAtOf(name) };
}

/** Deletes all but the `keep` newest backups in `dir`; answers the names deleted. */
export function pruneBackups(dir: string, keep: number): string[] {
  const old = listBackups(dir).slice(keep);
  for (const backup of old) fs.rmSync(path.join(dir, backup.name), { force: true });
  return old.map((backup) => backup.name);
}

function holdsFiles(dir: string): boolean {
  return fs.existsSync(dir) && fs.readdirSync(dir).length > 0;
}

const stamp = (now: Date) => now.toISOString().slice(0, 19).replace(/:/g, "-");

/**
 * Makes `dataDir` the database of the backup `archive`. The backup is opened and checked in a directory
 * beside it first, so that a bad file changes nothing; a database already in `dataDir` is moved aside
 * (`<dataDir>.before-restore-<time>`), never deleted, and only with `replace`.
 * @throws EmbeddedDatabaseLocked while the app (or anything else) has the database open
 * @throws NotABackup, DataDirectoryInUse
 */
export async function restoreBackup(archive: Uint8Array, dataDir: string, options: { replace: boolean }, now = new Date()): Promise<{ movedAside: string | null }> {
  if (!looksLikeBackup(archive)) throw new NotABackup("it is not gzip-compressed");
  const release = lockDataDirectory(dataDir);
  try {
    if (holdsFiles(dataDir) && !options.replace) throw new DataDirectoryInUse(dataDir);
    const staging = `${dataDir}.restoring-${stamp(now)}`;
    fs.rmSync(staging, { recursive: true, force: true });
    try {
      await openAndCheck(archive, staging);
    } catch (error) {
      fs.rmSync(staging, { recursive: true, force: true });
      throw error;
    }
    let movedAside: string | null = null;
    if (holdsFiles(dataDir)) {
      movedAside = `${dataDir}.before-restore-${stamp(now)}`;
      fs.renameSync(dataDir, movedAside);
    } else {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
    fs.renameSync(staging, dataDir);
    return { movedAside };
  } finally {
    release();
  }
}

/** Unpacks the backup into `dir` and checks that it opens and holds the desk's tables. */
async function openAndCheck(archive: Uint8Array, dir: string): Promise<void> {
  const { PGlite } = await import("@electric-sql/pglite");
  let client: InstanceType<typeof PGlite>;
  try {
    client = new PGlite(dir, { loadDataDir: new Blob([Uint8Array.from(archive)]) });
    await client.waitReady;
  } catch (error) {
    throw new NotABackup(`it does not open as a database (${error instanceof Error ? error.message : String(error)})`);
  }
  try {
    const { rows } = await client.query<{ users: string | null; migrations: string | null }>(
      "select to_regclass('public.users')::text as users, to_regclass('drizzle.__drizzle_migrations')::text as migrations",
    );
    if (!rows[0]?.users || !rows[0].migrations) throw new NotABackup("it is a database, but not the desk's");
  } finally {
    await client.close();
  }
}
