import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { chromium } from "@playwright/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "@/bench/server";
import { api, setUpAdminSession, type Session } from "@/bench/session";

/**
 * Two `next start` processes on two ports over one PostgreSQL database, as production runs behind a
 * load balancer: a claim created through one reaches an event stream served by the other. Builds the
 * app first when the build is stale (scripts/start.mjs), so it runs only where PostgreSQL is configured.
 */
const adminUrl = process.env.TEST_DATABASE_URL;
const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
const root = path.resolve(import.meta.dirname, "..", "..");

async function adminQuery(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

type Instance = { origin: string; child: ChildProcess; log: string };

async function startInstance(databaseUrl: string, scratch: string, name: string): Promise<Instance> {
  const port = await freePort();
  const origin = `http://localhost:${port}`;
  const log = path.join(scratch, `${name}.log`);
  const output = fs.openSync(log, "w");
  const child = spawn(process.execPath, [path.join(root, "scripts", "start.mjs")], {
    cwd: root,
    env: { ...process.env, PORT: String(port), NEXTAUTH_URL: origin, DATABASE_URL: databaseUrl },
    detached: true,
    stdio: ["ignore", output, output],
  });
  fs.closeSync(output);
  const deadline = Date.now() + 9 * 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited:\n${fs.readFileSync(log, "utf8").slice(-2_000)}`);
    const status = await fetch(`${origin}/signin`).then((response) => response.status, () => 0);
    if (status === 200) return { origin, child, log };
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${name} did not start:\n${fs.readFileSync(log, "utf8").slice(-2_000)}`);
}

function stopInstance(instance: Instance | undefined): Promise<void> {
  const pid = instance?.child.pid;
  if (!instance || pid === undefined || instance.child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    instance.child.once("exit", () => resolve());
    try {
      process.kill(-pid, "SIGTERM");
    } catch {
      resolve();
    }
  });
}

/** Reads a server-sent event stream in the background, keeping when each chunk arrived. */
function record(stream: Response) {
  const chunks: { at: number; text: string }[] = [];
  const reader = stream.body!.getReader();
  const decoder = new TextDecoder();
  let ended = false;
  void (async () => {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) {
        ended = true;
        return;
      }
      chunks.push({ at: performance.now(), text: decoder.decode(value, { stream: true }) });
    }
  })().catch(() => {});
  return {
    /** When the chunk that completed a message containing `needle` arrived, or null so far. */
    arrivalOf(needle: string): number | null {
      let text = "";
      for (const chunk of chunks) {
        text += chunk.text;
        if (text.includes(needle)) return chunk.at;
      }
      return null;
    },
    /** Whether the server ended the stream. */
    ended: () => ended,
    stop: () => reader.cancel(),
  };
}

describe.skipIf(!adminUrl)("two app instances over one PostgreSQL", () => {
  const database = `factcheck_instances_${randomBytes(4).toString("hex")}`;
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "factcheck-instances-"));
  let first: Instance | undefined;
  let second: Instance | undefined;
  let session: Session;

  beforeAll(async () => {
    await adminQuery(`create database ${database}`);
    const url = new URL(adminUrl!);
    url.pathname = `/${database}`;
    // One after the other: the first builds when the build is stale, the second then finds it current.
    first = await startInstance(url.toString(), scratch, "first");
    second = await startInstance(url.toString(), scratch, "second");
    session = await setUpAdminSession(first.origin);
  }, 20 * 60_000);

  afterAll(async () => {
    await Promise.all([stopInstance(first), stopInstance(second)]);
    await adminQuery(`drop database if exists ${database} with (force)`);
    fs.rmSync(scratch, { recursive: true, force: true });
  }, 60_000);

  it("shows a claim created through one instance on the other's event stream within 2 seconds", async () => {
    const { articles } = await api<{ articles: { id: string }[] }>(session, "GET", "/api/articles");
    const articleId = articles[0]!.id;
    const { article } = await api<{ article: { plainText: string } }>(session, "GET", `/api/articles/${articleId}`);
    // The session cookie is good on both: the signing secret is in the shared database.
    const stream = await fetch(`${second!.origin}/api/articles/${articleId}/events`, { headers: { Cookie: session.cookie } });
    expect(stream.status).toBe(200);
    expect(stream.headers.get("content-type")).toContain("text/event-stream");
    const received = record(stream);
    await expect.poll(() => received.arrivalOf("event: ready")).not.toBeNull();

    const sentAt = performance.now();
    const exact = article.plainText.slice(0, 30);
    const answer = await api<{ annotation: { id: string } }>(session, "POST", `/api/articles/${articleId}/annotations`, {
      selectors: [
        { type: "TextQuoteSelector", exact, prefix: "", suffix: article.plainText.slice(30, 62) },
        { type: "TextPositionSelector", start: 0, end: 30 },
      ],
    });
    const needle = `"annotationId":"${answer.annotation.id}"`;
    await expect.poll(() => received.arrivalOf(needle), { timeout: 5_000 }).not.toBeNull();
    expect(received.arrivalOf(needle)! - sentAt).toBeLessThan(2_000);
    await received.stop();
  });

  it("shows a claim created through one instance in an article page served by the other within 2 seconds", async () => {
    const { articles } = await api<{ articles: { id: string }[] }>(session, "GET", "/api/articles");
    const articleId = articles[0]!.id;
    const { article } = await api<{ article: { plainText: string } }>(session, "GET", `/api/articles/${articleId}`);
    const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
    try {
      const context = await browser.newContext();
      await context.addCookies(
        session.cookie.split("; ").map((pair) => {
          const at = pair.indexOf("=");
          return { name: pair.slice(0, at), value: pair.slice(at + 1), domain: "localhost", path: "/" };
        }),
      );
      const page = await context.newPage();
      await page.goto(`${second!.origin}/articles/${articleId}`);
      await page.getByRole("heading", { level: 1 }).waitFor();
      await page.waitForLoadState("networkidle");

      const start = article.plainText.indexOf("\n") + 1;
      const exact = article.plainText.slice(start, start + 40);
      const sentAt = performance.now();
      await api(session, "POST", `/api/articles/${articleId}/annotations`, {
        selectors: [
          { type: "TextQuoteSelector", exact },
          { type: "TextPositionSelector", start, end: start + exact.length },
        ],
      });
      await page.locator("mark.claim", { hasText: exact.slice(0, 20) }).first().waitFor({ timeout: 5_000 });
      expect(performance.now() - sentAt).toBeLessThan(2_000);
    } finally {
      await browser.close();
    }
  }, 60_000);

  it("refuses a stream without a session with 401", async () => {
    const { articles } = await api<{ articles: { id: string }[] }>(session, "GET", "/api/articles");
    const response = await fetch(`${second!.origin}/api/articles/${articles[0]!.id}/events`);
    expect(response.status).toBe(401);
  });

  // Last: it stops the second instance.
  it("ends its open event streams and stops within seconds of SIGTERM, as a deploy replaces it", async () => {
    const { articles } = await api<{ articles: { id: string }[] }>(session, "GET", "/api/articles");
    const stream = await fetch(`${second!.origin}/api/articles/${articles[0]!.id}/events`, { headers: { Cookie: session.cookie } });
    // Idle connections are kept open 65 seconds, and shutting down waits for every one: a stream's goes when it ends.
    expect(stream.headers.get("connection")).toBe("close");
    const received = record(stream);
    await expect.poll(() => received.arrivalOf("event: ready")).not.toBeNull();

    const stopped = stopInstance(second).then(() => "stopped");
    const tooLong = new Promise((resolve) => setTimeout(() => resolve("still running"), 20_000));
    expect(await Promise.race([stopped, tooLong])).toBe("stopped");
    await expect.poll(() => received.ended()).toBe(true);
  }, 60_000);
});
