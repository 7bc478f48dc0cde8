import { readBackupSchedule } from "@/db/backup-schedule";
import { getConnection } from "@/db/client";
import { storedBackup } from "@/lib/backups/service";
import { download } from "@/lib/http/download";
import { apiRoute } from "@/lib/http/route";

/** One of the scheduled backups, as a download (admins). */
export const GET = apiRoute<{ name: string }>(async ({ actor, params }) => {
  const backup = await storedBackup(await getConnection(), readBackupSchedule().schedule, actor, params.name);
  return download(backup.bytes, backup.name, "application/gzip");
});
