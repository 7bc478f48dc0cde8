#!/usr/bin/env node
// `npm start`: builds the app when the build is missing or older than the sources, then serves it.
// The server migrates the database and loads the demo article as it starts (see instrumentation.ts).
import { spawnSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const buildId = path.join(root, ".next", "BUILD_ID");
const SOURCES = ["app", "components", "lib", "db", "instrumentation.ts", "next.config.js", "package.json", "tsconfig.json"];

function newestChange(entry) {
  const stat = fs.statSync(entry, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...fs.readdirSync(entry).map((name) => newestChange(path.join(entry, name))));
}

function buildIsCurrent() {
  const built = fs.statSync(buildId, { throwIfNoEntry: false });
  return built && SOURCES.every((source) => newestChange(path.join(root, source)) <= built.mtimeMs);
}

const next = path.join(root, "node_modules", "next", "dist", "bin", "next");
if (!buildIsCurrent()) {
  console.log("Building the app (a minute or two on first start)…");
  const build = spawnSync(process.execPath, [next, "build"], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const port = process.env.PORT ?? "3000";
const env = { ...process.env, PORT: port, NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}` };
// Node closes a connection idle for 5 seconds by default, and a client (a load balancer, a browser, a test's
// request context) that sends on it just as it closes gets a reset instead of an answer. Idle connections are
// kept longer than the usual load balancer's 60 seconds, so that the client is the one to close them.
const KEEP_ALIVE_MS = "65000";
const server = spawn(process.execPath, [next, "start", "-p", port, "--keepAliveTimeout", KEEP_ALIVE_MS], { cwd: root, stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
