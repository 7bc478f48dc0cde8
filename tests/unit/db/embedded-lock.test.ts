import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { EmbeddedDatabaseLocked, lockDataDirectory } from "@/db/embedded-lock";

let root: string;
let dataDir: string;
let lockPath: string;
const releases: (() => void)[] = [];
const children: ChildProcess[] = [];

const lock = () => {
  const release = lockDataDirectory(dataDir);
  releases.push(release);
  return release;
};
const readLockFile = () => JSON.parse(fs.readFileSync(lockPath, "utf8")) as { pid: number; hostname: string };
function writeLockFile(content: unknown) {
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });
  fs.writeFileSync(lockPath, JSON.stringify(content));
}

function refusal(run: () => unknown): EmbeddedDatabaseLocked {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(EmbeddedDatabaseLocked);
    return error as EmbeddedDatabaseLocked;
  }
  throw new Error("expected the lock to be refused");
}

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "embedded-lock-"));
  dataDir = path.join(root, "nested", "pglite");
  lockPath = `${dataDir}.lock`;
});

afterEach(() => {
  for (const release of releases.splice(0)) release();
  for (const child of children.splice(0)) child.kill();
  fs.rmSync(root, { recursive: true, force: true });
});

describe("lockDataDirectory", () => {
  it("writes this process's pid and host beside the data directory", () => {
    lock();
    expect(readLockFile()).toEqual({ pid: process.pid, hostname: os.hostname() });
  });

  it("refuses a second lock on the same directory in the same process", () => {
    lock();
    const error = refusal(lock);
    expect(error.holderPid).toBe(process.pid);
    expect(error.lockPath).toBe(lockPath);
  });

  it("clears a lock left by a process that is gone", () => {
    const gone = spawnSync(process.execPath, ["-e", ""]);
    expect(gone.pid).toBeGreaterThan(0);
    writeLockFile({ pid: gone.pid, hostname: os.hostname() });
    lock();
    expect(readLockFile().pid).toBe(process.pid);
  });

  it("clears a lock naming a pid no process can have", () => {
    writeLockFile({ pid: 2 ** 22 + 12345, hostname: os.hostname() });
    lock();
    expect(readLockFile().pid).toBe(process.pid);
  });

  it("clears a lock file without a pid", () => {
    writeLockFile({ hostname: os.hostname() });
    lock();
    expect(readLockFile().pid).toBe(process.pid);
  });

  it("clears a lock left by an earlier process that had this process's pid, as after a container restart", () => {
    writeLockFile({ pid: process.pid, hostname: os.hostname() });
    lock();
    expect(() => lockDataDirectory(dataDir)).toThrow(EmbeddedDatabaseLocked);
  });

  it("refuses a lock held by another live process and names its pid", async () => {
    const holder = spawn("sleep", ["30"], { stdio: "ignore" });
    children.push(holder);
    await new Promise((resolve) => holder.once("spawn", resolve));
    writeLockFile({ pid: holder.pid, hostname: os.hostname() });
    const error = refusal(lock);
    expect(error.holderPid).toBe(holder.pid);
    expect(error.message).toContain(`in use by process ${holder.pid}`);
    expect(readLockFile().pid).toBe(holder.pid);
  });

  it("refuses a lock taken on another host, whose processes it cannot see", () => {
    writeLockFile({ pid: 2 ** 22 + 12345, hostname: `not-${os.hostname()}` });
    expect(refusal(lock).holderPid).toBe(2 ** 22 + 12345);
  });

  it("removes the lock file on release, so the directory can be locked again", () => {
    const release = lock();
    release();
    expect(fs.existsSync(lockPath)).toBe(false);
    lock();
    expect(fs.existsSync(lockPath)).toBe(true);
  });

  it("leaves a lock another process took in the meantime on release", () => {
    const release = lock();
    writeLockFile({ pid: 2 ** 22 + 12345, hostname: os.hostname() });
    release();
    expect(readLockFile().pid).toBe(2 ** 22 + 12345);
  });
});
