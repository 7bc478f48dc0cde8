// `npm run db:restore -- FILE [--replace]`: makes the backup FILE the embedded database, with the app stopped.
// The backup is opened and checked before anything changes; the database it replaces is moved aside, never deleted.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { DataDirectoryInUse, NotABackup, restoreBackup } from "@/db/backups";
import { embeddedDataDir } from "@/db/connect";
import { EmbeddedDatabaseLocked } from "@/db/embedded-lock";

async function main() {
  const { values, positionals } = parseArgs({ options: { replace: { type: "boolean", default: false } }, allowPositionals: true });
  if (positionals.length !== 1) throw new Error("Usage: npm run db:restore -- path/to/factcheck-desk-….tar.gz [--replace]  (with the app stopped)");
  if (process.env.DATABASE_URL) throw new Error("DATABASE_URL is set: restore PostgreSQL with pg_restore (see the README's Backups).");
  const file = path.resolve(positionals[0]!);
  const dataDir = embeddedDataDir();
  console.log(`Checking ${file}…`);
  const { movedAside } = await restoreBackup(new Uint8Array(readFileSync(file)), dataDir, { replace: values.replace ?? false });
  console.log(`Restored ${path.basename(file)} into ${dataDir}.${movedAside ? ` The database it replaced is in ${movedAside}.` : ""} Start the app: npm start.`);
}

main().catch((error: unknown) => {
  const known = error instanceof EmbeddedDatabaseLocked || error instanceof NotABackup || error instanceof DataDirectoryInUse || (error as NodeJS.ErrnoException)?.code === "ENOENT";
  console.error(known || (error instanceof Error && error.name === "Error") ? (error as Error).message : error);
  process.exit(1);
});
