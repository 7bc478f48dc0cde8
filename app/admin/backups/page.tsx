import type { Metadata } from "next";
import { BackupDownload } from "@/components/backup-download";
import { RefusedPage } from "@/components/refused-page";
import { describeBackupTimes, readBackupSchedule } from "@/db/backup-schedule";
import { getConnection } from "@/db/client";
import { requirePageActor } from "@/lib/auth/page-actor";
import { backupsOverview } from "@/lib/backups/service";
import { newsroomConfig } from "@/lib/newsroom/config";
import { mayBackUp } from "@/lib/policies/backup";
import { formatMomentIn } from "@/lib/time-zone";

export const metadata: Metadata = { title: "Backups" };
export const dynamic = "force-dynamic";

const sentenceCase = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const megabytes = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;
const when = (iso: string) => formatMomentIn(iso, newsroomConfig().timeZone);

/** Backups of the desk (admins): download one now, the scheduled ones kept on the server, and how to restore. */
export default async function BackupsPage() {
  const actor = await requirePageActor("/admin/backups");
  const decision = mayBackUp(actor);
  if (!decision.allowed) return <RefusedPage title="Backups" reason={decision.reason} />;
  const connection = await getConnection();
  const { engine, schedule, next, backups } = backupsOverview(connection, readBackupSchedule().schedule, actor);

  if (engine === "postgres") {
    return (
      <div className="page">
        <h1>Backups</h1>
        <p>
          This desk runs on PostgreSQL, which backs itself up better than the app could: use your host&apos;s backups with point-in-time
          recovery if it has them, else <code>pg_dump</code>, for example:
        </p>
        <pre className="command">pg_dump --format=custom --file=desk.dump &quot;$DATABASE_URL&quot;</pre>
        <p>
          Restore with <code>pg_restore --dbname=&quot;$DATABASE_URL&quot; desk.dump</code> into an empty database, then start the app: its
          migrations bring an older backup up to date.
        </p>
      </div>
    );
  }

  return (
    <div className="page">
      <h1>Backups</h1>
      <p>
        A backup holds the whole desk: articles and every revision, claims, sources, discussions, the audit trail and every account, with its
        password hash. Keep backups where only admins can reach them, and a copy away from this server.
      </p>

      <h2 className="admin-section">Download a backup</h2>
      <p className="muted">Made now, from the running app. Work on the desk pauses while it is made: about a second on a small desk, 12 s with 100,000 claims.</p>
      <BackupDownload />

      <h2 className="admin-section">Scheduled backups</h2>
      {schedule ? (
        <>
          <p className="muted">
            {sentenceCase(describeBackupTimes(schedule))} into <code>{schedule.dir}</code> on the server; the newest {schedule.keep} are kept.
            {next && ` The next is due on ${when(next.toISOString())}.`}
          </p>
          {backups.length ? (
            <div className="table-scroller">
              <table className="audit-table">
                <thead>
                  <tr>
                    <th scope="col">Made</th>
                    <th scope="col">Size</th>
                    <th scope="col">File</th>
                  </tr>
                </thead>
                <tbody>
                  {backups.map((backup) => (
                    <tr key={backup.name}>
                      <td>{when(backup.createdAt)}</td>
                      <td>{megabytes(backup.bytes)}</td>
                      <td>
                        <a href={`/api/admin/backups/${encodeURIComponent(backup.name)}`} download>
                          {backup.name}
                        </a>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p>None yet.</p>
          )}
        </>
      ) : (
        <p>Scheduled backups are off (BACKUP_INTERVAL_HOURS=0): download one above, or set BACKUP_INTERVAL_HOURS on the server.</p>
      )}

      <h2 className="admin-section">Restoring a backup</h2>
      <ol className="steps">
        <li>Stop the app: only one process may open the embedded database.</li>
        <li>
          Run <code>npm run db:restore -- path/to/factcheck-desk-….tar.gz --replace</code>. The backup is checked before anything changes, and
          the database it replaces is moved aside (to <code>data/pglite.before-restore-…</code>), not deleted.
        </li>
        <li>Start the app: its migrations bring an older backup up to date.</li>
      </ol>
    </div>
  );
}
