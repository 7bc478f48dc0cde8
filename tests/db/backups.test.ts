import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backupFileName, DataDirectoryInUse, listBackups, NotABackup, pruneBackups, restoreBackup, writeBackup } from "@/db/backups";
import { connectPglite, connectPostgres, type Connection } from "@/db/connect";
import { EmbeddedDatabaseLocked } from "@/db/embedded-lock";
import { prepareDatabase } from "@/db/prepare";
import { articles, auditEntries, users } from "@/db/schema";
import { backupNow, storedBackup } from "@/lib/backups/service";
import { Conflict, Forbidden, NotFound, Unauthenticated } from "@/lib/errors";
import type { Actor } from "@/lib/users/actor";
import { addUser } from "./fixtures";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "backups-"));
const backupDir = path.join(root, "backups");
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** A desk on disk with the demo article and one admin. */
async function deskIn(dataDir: string): Promise<{ connection: Connection; admin: Actor }> {
  const connection = await connectPglite(dataDir);
  await prepareDatabase(connection);
  return { connection, admin: await addUser(connection.db, "admin", { name: "Ada Admin" }) };
}

async function countsIn(dataDir: string): Promise<{ users: number; articles: number }> {
  const connection = await connectPglite(dataDir);
  try {
    const [[people], [stories]] = await Promise.all([
      connection.db.select({ value: count() }).from(users),
      connection.db.select({ value: count() }).from(articles),
    ]);
    return { users: people!.value, articles: stories!.value };
  } finally {
    await connection.close();
  }
}

describe("backups of the embedded database", () => {
  const liveDir = path.join(root, "live");
  let live: Connection;
  let admin: Actor;

  beforeAll(async () => {
    ({ connection: live, admin } = await deskIn(liveDir));
  });
  afterAll(() => live.close());

  it("backs the running database up, and restores the backup into an empty directory, whole", async () => {
    const written = await writeBackup(live, backupDir, new Date("2026-11-30T10:00:00Z"));
    expect(written.name).toBe("factcheck-desk-2026-11-30T10-00-00Z.tar.gz");
    expect(listBackups(backupDir)).toEqual([{ name: written.name, bytes: written.bytes, createdAt: "2026-11-30T10:00:00Z" }]);
    const target = path.join(root, "restored");
    expect(await restoreBackup(new Uint8Array(fs.readFileSync(path.join(backupDir, written.name))), target, { replace: false })).toEqual({ movedAside: null });
    expect(await countsIn(target)).toEqual({ users: 1, articles: 1 });
  });

  it("refuses what is not a backup of the desk, and changes nothing", async () => {
    const target = path.join(root, "refused");
    await expect(restoreBackup(new TextEncoder().encode("hello"), target, { replace: false })).rejects.toThrow(NotABackup);
    await expect(restoreBackup(new Uint8Array(gzipSync("not a tarball at all")), target, { replace: false })).rejects.toThrow(NotABackup);
    const otherDir = path.join(root, "other-database");
    const other = await connectPglite(otherDir);
    const foreign = await other.backup!();
    await other.close();
    await expect(restoreBackup(foreign, target, { replace: false })).rejects.toThrow("it is a database, but not the desk's");
    expect(fs.existsSync(target)).toBe(false);
    expect(fs.readdirSync(root).filter((name) => name.includes(".restoring-"))).toEqual([]);
  });

  it("replaces a database only when told to, moving it aside rather than deleting it", async () => {
    const target = path.join(root, "replaced");
    const { connection } = await deskIn(target);
    await addUser(connection.db, "reviewer");
    await connection.close();
    const backup = await live.backup!();
    await expect(restoreBackup(backup, target, { replace: false })).rejects.toThrow(DataDirectoryInUse);
    expect(await countsIn(target)).toEqual({ users: 2, articles: 1 });

    const { movedAside } = await restoreBackup(backup, target, { replace: true }, new Date("2026-11-30T11:00:00Z"));
    expect(movedAside).toBe(`${target}.before-restore-2026-11-30T11-00-00`);
    expect(await countsIn(target)).toEqual({ users: 1, articles: 1 });
    expect(await countsIn(movedAside!)).toEqual({ users: 2, articles: 1 });
  });

  it("refuses to restore over a database that a process has open", async () => {
    await expect(restoreBackup(await live.backup!(), liveDir, { replace: true })).rejects.toThrow(EmbeddedDatabaseLocked);
  });

  it("keeps the newest backups and deletes the older ones", async () => {
    const dir = path.join(root, "pruned");
    fs.mkdirSync(dir);
    const names = [1, 2, 3, 4].map((day) => backupFileName(new Date(`2026-11-0${day}T08:00:00Z`)));
    for (const name of names) fs.writeFileSync(path.join(dir, name), "x");
    fs.writeFileSync(path.join(dir, "notes.txt"), "not a backup");
    expect(pruneBackups(dir, 2)).toEqual([names[1], names[0]]);
    expect(listBackups(dir).map((backup) => backup.name)).toEqual([names[3], names[2]]);
    expect(fs.existsSync(path.join(dir, "notes.txt"))).toBe(true);
  });

  it("lets admins download a backup made now or a stored one, audited, and nobody else", async () => {
    const made = await backupNow(live, admin, new Date("2026-11-30T12:00:00Z"));
    expect(made.name).toBe("factcheck-desk-2026-11-30T12-00-00Z.tar.gz");
    expect([...made.bytes.subarray(0, 2)]).toEqual([0x1f, 0x8b]);
    const schedule = { dir: backupDir, everyHours: 24, keep: 7, atMinute: null };
    const stored = await storedBackup(live, schedule, admin, "factcheck-desk-2026-11-30T10-00-00Z.tar.gz");
    expect(stored.bytes.length).toBe(listBackups(backupDir)[0]!.bytes);
    const audited = await live.db.select().from(auditEntries).where(eq(auditEntries.action, "backed_up"));
    expect(audited.map((entry) => [entry.actorId, entry.after])).toEqual([
      [admin.id, { file: made.name }],
      [admin.id, { file: stored.name }],
    ]);

    const editor = await addUser(live.db, "editor");
    await expect(backupNow(live, editor)).rejects.toThrow(Forbidden);
    await expect(backupNow(live, null)).rejects.toThrow(Unauthenticated);
    await expect(storedBackup(live, schedule, editor, stored.name)).rejects.toThrow(Forbidden);
    for (const name of ["../live.lock", "factcheck-desk-2026-01-01T00-00-00Z.tar.gz", "/etc/passwd"]) {
      await expect(storedBackup(live, schedule, admin, name)).rejects.toThrow(NotFound);
    }
  });

  it("runs from the command line with the app stopped: npm run db:backup, then db:restore", async () => {
    const dataDir = path.join(root, "cli");
    const { connection } = await deskIn(dataDir);
    await connection.close();
    const env: NodeJS.ProcessEnv = { ...process.env, PGLITE_DATA_DIR: dataDir, DATABASE_URL: "" };
    const tsx = path.join(process.cwd(), "node_modules", ".bin", "tsx");
    const out = path.join(root, "cli-backups");
    const backedUp = spawnSync(tsx, ["scripts/db-backup.ts", "--out", out], { env, encoding: "utf8", timeout: 60_000 });
    expect(backedUp.stderr).toBe("");
    const [file] = listBackups(out);
    expect(backedUp.stdout).toContain(`Backup written: ${path.join(out, file!.name)}`);

    const refused = spawnSync(tsx, ["scripts/db-restore.ts", path.join(out, file!.name)], { env, encoding: "utf8", timeout: 60_000 });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("holds a database. To replace it, run again with --replace");
    const restored = spawnSync(tsx, ["scripts/db-restore.ts", path.join(out, file!.name), "--replace"], { env, encoding: "utf8", timeout: 60_000 });
    expect(restored.stderr).toBe("");
    expect(restored.stdout).toMatch(/Restored factcheck-desk-.*\.tar\.gz into .*cli\. The database it replaced is in .*cli\.before-restore-/);
    expect(await countsIn(dataDir)).toEqual({ users: 1, articles: 1 });
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)("backups on PostgreSQL", () => {
  it("are pg_dump's: the app refuses to make one", async () => {
    const connection = await connectPostgres(process.env.TEST_DATABASE_URL!, { max: 1 });
    try {
      expect(connection.backup).toBeNull();
      const admin = { id: crypto.randomUUID(), email: "ada@example.com", name: "Ada", role: "admin" as const, disabled: false };
      await expect(backupNow(connection, admin)).rejects.toThrow(Conflict);
    } finally {
      await connection.close();
    }
  });
});
