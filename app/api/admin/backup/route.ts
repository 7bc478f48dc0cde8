import { getConnection } from "@/db/client";
import { backupNow } from "@/lib/backups/service";
import { download } from "@/lib/http/download";
import { apiRoute } from "@/lib/http/route";

/** A backup of the embedded database made now, as a download (admins). */
export const GET = apiRoute(async ({ actor }) => {
  const backup = await backupNow(await getConnection(), actor);
  return download(backup.bytes, backup.name, "application/gzip");
});
