// `npm run db:backup -- [--out DIR]`: a backup of the embedded database, written into DIR (default: the
// scheduled backups' directory). Only while the app is stopped: the running app makes its own (Backups page).
import path from "node:path";
import { parseArgs } from "node:util";
import { readBackupSchedule } from "@/db/backup-schedule";
import { writeBackup } from "@/db/backups";
import { connectPglite, embeddedDataDir } from "@/db/connect";
import { EmbeddedDatabaseLocked } from "@/db/embedded-lock";

async function main() {
  const { values } = parseArgs({ options: { out: { type: "string" } } });
  if (process.env.DATABASE_URL) throw new Error("DATABASE_URL is set: back PostgreSQL up with pg_dump (see the README's Backups).");
  const dir = path.resolve(values.out ?? readBackupSchedule().schedule?.dir ?? path.join(path.dirname(embeddedDataDir()), "backups"));
  const connection = await connectPglite(embeddedDataDir());
  try {
    const written = await writeBackup(connection, dir);
    console.log(`Backup written: ${path.join(dir, written.name)} (${(written.bytes / 1_048_576).toFixed(1)} MB).`);
  } finally {
    await connection.close();
  }
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(error instanceof EmbeddedDatabaseLocked ? `${message}\nWhile the app runs, download a backup from its Backups page (admins), or let its scheduled backups run.` : message);
  process.exit(1);
});
