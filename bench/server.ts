/**
 * Starts the built app the way `npm start` does (scripts/start.mjs builds it first when the build is
 * stale) on a free local port, with a database of its own: PGlite in a temporary directory, or a new
 * database on the local PostgreSQL. The bench measures that server; `stop()` removes every trace of it.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export type Engine = "pglite" | "postgres";

export type RunningApp = { engine: Engine; origin: string; stop(): Promise<void> };

const root = path.resolve(import.meta.dirname, "..");
export const POSTGRES_ADMIN_URL = process.env.BENCH_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
/** Long enough for a build of the app on a small machine, which happens when the sources changed. */
const STARTUP_TIMEOUT_MS = 8 * 60_000;

/** A port nothing listens on right now, for a server of a benchmark or a test. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function adminQuery(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Another `next build` in this checkout would rewrite .next under our server: wait for it to finish. */
async function waitForOtherBuilds(): Promise<void> {
  const deadline = Date.now() + 5 * 60_000;
  const building = () =>
    fs.readdirSync("/proc").some((pid) => {
      if (!/^\d+$/.test(pid)) return false;
      try {
        const args = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
        return args.some((arg) => arg.endsWith("next")) && args.includes("build") && fs.realpathSync(`/proc/${pid}/cwd`) === root;
      } catch {
        return false;
      }
    });
  let said = false;
  while (building() && Date.now() < deadline) {
    if (!said) console.log("  waiting for another `next build` in this checkout to finish…");
    said = true;
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }
}

function tail(file: string, lines = 40): string {
  const text = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
  return text.split("\n").slice(-lines).join("\n");
}

async function waitUntilServing(origin: string, child: ChildProcess, log: string): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  let toldBuilding = false;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`The app exited while starting:\n${tail(log)}`);
    if (!toldBuilding && tail(log, 5).includes("Building the app")) {
      console.log("  the build is stale: building the app first (a minute or two)…");
      toldBuilding = true;
    }
    try {
      const response = await fetch(`${origin}/signin`, { signal: AbortSignal.timeout(5_000) });
      await response.arrayBuffer();
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`The app did not answer ${origin}/signin within ${STARTUP_TIMEOUT_MS / 1000} s:\n${tail(log)}`);
}

function stopProcessGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return Promise.resolve();
  const pid = child.pid;
  return new Promise((resolve) => {
    const killTimer = setTimeout(() => {
      try {
        process.kill(-pid, "SIGKILL");
      } catch {
        // Already gone.
      }
    }, 10_000);
    child.once("exit", () => {
      clearTimeout(killTimer);
      resolve();
    });
    try {
      process.kill(-pid, "SIGTERM");
    } catch {
      clearTimeout(killTimer);
      resolve();
    }
  });
}

/** Next refuses to build while another build of this checkout runs; the bench then waits its turn. */
const BUILD_CLASH = "Another next build process is already running";

async function launch(engine: Engine, scratch: string, database: string | null): Promise<{ origin: string; child: ChildProcess }> {
  await waitForOtherBuilds();
  const port = await freePort();
  const origin = `http://localhost:${port}`;
  const log = path.join(scratch, "server.log");
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), NEXTAUTH_URL: origin, PGLITE_DATA_DIR: path.join(scratch, "pglite") };
  delete env.DATABASE_URL;
  if (database) env.DATABASE_URL = POSTGRES_ADMIN_URL.replace(/\/[^/]*$/, `/${database}`);
  const output = fs.openSync(log, "w");
  // Its own process group, so that stopping it also stops the `next start` it spawns.
  const child = spawn(process.execPath, [path.join(root, "scripts", "start.mjs")], { cwd: root, env, detached: true, stdio: ["ignore", output, output] });
  fs.closeSync(output);
  try {
    await waitUntilServing(origin, child, log);
    return { origin, child };
  } catch (error) {
    await stopProcessGroup(child);
    throw error;
  }
}

export async function startApp(engine: Engine): Promise<RunningApp> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), `factcheck-bench-${engine}-`));
  const database = engine === "postgres" ? `factcheck_bench_${randomBytes(4).toString("hex")}` : null;
  let child: ChildProcess | null = null;
  const stop = async () => {
    if (child) await stopProcessGroup(child);
    if (database) await adminQuery(`drop database if exists ${database} with (force)`).catch((error: unknown) => console.error(`  could not drop ${database}:`, error));
    fs.rmSync(scratch, { recursive: true, force: true });
  };
  try {
    if (database) await adminQuery(`create database ${database}`);
    for (let attempt = 1; ; attempt++) {
      try {
        const started = await launch(engine, scratch, database);
        child = started.child;
        return { engine, origin: started.origin, stop };
      } catch (error) {
        if (attempt >= 3 || !String(error).includes(BUILD_CLASH)) throw error;
        console.log("  another build of this checkout is running: waiting to retry…");
        await new Promise((resolve) => setTimeout(resolve, 10_000));
      }
    }
  } catch (error) {
    await stop();
    throw error;
  }
}
