import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * PGlite has no lock of its own: two processes on one data directory corrupt it without an error.
 * This lock file, holding the owner's pid, makes a second process stop with a message instead.
 */
export class EmbeddedDatabaseLocked extends Error {
  constructor(
    readonly lockPath: string,
    readonly holderPid: number,
  ) {
    super(
      `The embedded database is in use by process ${holderPid} (lock file ${lockPath}). ` +
        `Only one process may open it: stop that process (for example the running app) and try again.`,
    );
    this.name = "EmbeddedDatabaseLocked";
  }
}

type LockContent = { pid: number; hostname: string };

// The lock files this process holds. A lock file naming this process's pid that is not among them was
// left by an earlier process that had the same pid (common in containers, where the app's pid repeats).
// Kept on globalThis so that a module reload in development still knows them.
const holder = globalThis as typeof globalThis & { __factcheckHeldLocks?: Set<string> };
const heldLocks = (holder.__factcheckHeldLocks ??= new Set());

function readLock(lockPath: string): LockContent | null {
  try {
    const parsed: unknown = JSON.parse(fs.readFileSync(lockPath, "utf8"));
    if (parsed && typeof parsed === "object" && "pid" in parsed && typeof parsed.pid === "number") {
      const hostname = "hostname" in parsed && typeof parsed.hostname === "string" ? parsed.hostname : "";
      return { pid: parsed.pid, hostname };
    }
  } catch {
    // Missing or half-written lock: treated as stale below.
  }
  return null;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function isStale(lock: LockContent | null): boolean {
  if (!lock) return true;
  if (lock.hostname && lock.hostname !== os.hostname()) return false;
  return lock.pid === process.pid || !isAlive(lock.pid);
}

/**
 * Takes the lock on `dataDir` for this process, clearing a lock left by a process that is gone.
 * Returns a function that releases it; the lock is also released when the process exits.
 * @throws EmbeddedDatabaseLocked when another live process holds it.
 */
export function lockDataDirectory(dataDir: string): () => void {
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  const lockPath = `${path.resolve(dataDir)}.lock`;
  const content = JSON.stringify({ pid: process.pid, hostname: os.hostname() });
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(lockPath, content, { flag: "wx" });
      heldLocks.add(lockPath);
      const release = () => {
        if (readLock(lockPath)?.pid === process.pid) fs.rmSync(lockPath, { force: true });
        heldLocks.delete(lockPath);
        process.off("exit", release);
      };
      process.on("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      if (heldLocks.has(lockPath)) throw new EmbeddedDatabaseLocked(lockPath, process.pid);
      const lock = readLock(lockPath);
      if (!isStale(lock)) throw new EmbeddedDatabaseLocked(lockPath, lock?.pid ?? -1);
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not take the lock ${lockPath}: it keeps reappearing.`);
}
