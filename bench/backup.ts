/**
 * `npm run bench:backup`: how long a backup of the embedded database takes, and how large it is, on the
 * demo desk and on the review queue's bench desk (bench/queue/seed.ts: 24 people, 500 articles and
 * `BENCH_BACKUP_CLAIMS` claims with their sources, default 100,000) in PGlite on disk. Queries wait while a
 * backup is made, so its time is how long the desk pauses. Each backup is then restored into an empty
 * directory (what `npm run db:restore` does), timed, and its claims counted.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { count } from "drizzle-orm";
import { listBackups, restoreBackup, writeBackup } from "@/db/backups";
import { connectPglite } from "@/db/connect";
import { prepareDatabase } from "@/db/prepare";
import { annotations } from "@/db/schema";
import { seedQueue } from "./queue/seed";

const claims = Math.max(1_000, Number(process.env.BENCH_BACKUP_CLAIMS ?? 100_000));
const root = fs.mkdtempSync(path.join(os.tmpdir(), "bench-backup-"));
const backups = path.join(root, "backups");

async function claimsIn(dataDir: string): Promise<number> {
  const connection = await connectPglite(dataDir);
  try {
    return (await connection.db.select({ value: count() }).from(annotations))[0]!.value;
  } finally {
    await connection.close();
  }
}

async function measure(label: string, connection: Awaited<ReturnType<typeof connectPglite>>): Promise<string> {
  const started = performance.now();
  const written = await writeBackup(connection, backups, new Date(Date.now() + listBackups(backups).length * 1000));
  const backupMs = performance.now() - started;
  const target = path.join(root, `restored-${listBackups(backups).length}`);
  const restoreStarted = performance.now();
  await restoreBackup(new Uint8Array(fs.readFileSync(path.join(backups, written.name))), target, { replace: false });
  const restoreMs = performance.now() - restoreStarted;
  return `| ${label} | ${(written.bytes / 1_048_576).toFixed(1)} MB | ${backupMs.toFixed(0)} ms | ${restoreMs.toFixed(0)} ms | ${(await claimsIn(target)).toLocaleString("en")} |`;
}

const connection = await connectPglite(path.join(root, "pglite"));
try {
  await prepareDatabase(connection);
  const rows = [await measure("demo desk (1 article, no claims)", connection)];
  await seedQueue(connection.db, { articles: 500, claims, batch: 2_000 }, (line) => console.log(line));
  rows.push(await measure(`bench desk (500 articles, ${claims.toLocaleString("en")} claims)`, connection));
  console.log(`\nBackups of the embedded database (PGlite on disk, ${os.cpus().length} cores)\n`);
  console.log("| desk | backup size | backup time (the desk waits) | restore time | claims restored |");
  console.log("|---|---|---|---|---|");
  for (const row of rows) console.log(row);
} finally {
  await connection.close();
  fs.rmSync(root, { recursive: true, force: true });
}
