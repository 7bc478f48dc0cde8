import { startScheduledBackups, readBackupSchedule } from "./backup-schedule";
import { getConnection } from "./client";
import { countUsers } from "@/lib/users/service";
import { originalCheckHours, startOriginalChecks } from "@/lib/articles/original-watch";
import { readerEmailKeepDays, startReaderEmailErasure } from "@/lib/reader-messages/retention";
import { deskMail } from "@/lib/notifications/desk-mail";
import { mailSettings } from "@/lib/notifications/mail-settings";
import { smtpPortOf } from "@/lib/notifications/smtp";
import { startInboxEmails } from "@/lib/notifications/worker";
import { startWebhookDelivery } from "@/lib/webhooks/worker";

/**
 * Opens, migrates and seeds the database as the server starts, and stops the server with the reason
 * when it cannot (for example another process holds the embedded database).
 */
export async function openDatabaseOrExit(): Promise<void> {
  try {
    const connection = await getConnection();
    if ((await countUsers(connection.db)) === 0) {
      const origin = process.env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
      console.log(`\nNo users yet: open ${origin}/setup to create the first admin.\n`);
    }
  } catch (error) {
    console.error(`\nCannot start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}

/** Starts the scheduled backups of the embedded database (see `backup-schedule.ts`), saying where they go or what is wrong with their settings. */
export async function startBackups(): Promise<void> {
  const { schedule, problems } = readBackupSchedule();
  for (const problem of problems) console.error(`Backups: ${problem}`);
  startScheduledBackups(await getConnection(), schedule);
}

/** Starts posting webhook deliveries (`lib/webhooks/worker.ts`). */
export async function startWebhooks(): Promise<void> {
  startWebhookDelivery((await getConnection()).db);
}

/** Starts erasing readers' emails once their time is up (`lib/reader-messages/retention.ts`), saying what is wrong with the setting. */
export async function startReaderEmailRetention(): Promise<void> {
  const { days, problem } = readerEmailKeepDays();
  if (problem) console.error(`Readers' emails: ${problem}`);
  startReaderEmailErasure((await getConnection()).db, days);
}

/** Starts emailing people what lands in their inbox (`lib/notifications`) when SMTP_URL is set, saying so, or what is wrong with the settings. */
export async function startEmailNotifications(): Promise<void> {
  for (const problem of mailSettings().problems) console.error(`Email: ${problem} Nobody is emailed until it is mended.`);
  const mail = deskMail();
  if (!mail) return;
  const server = new URL(mail.settings.smtpUrl);
  console.log(`Email is on: inbox items and password links are emailed through ${server.hostname}:${smtpPortOf(server)}, from ${mail.settings.from}.`);
  startInboxEmails((await getConnection()).db, mail);
}

/** Starts reading the originals of recent articles for changes (`lib/articles/original-watch.ts`), saying what is wrong with the setting. */
export async function startOriginalWatch(): Promise<void> {
  const { hours, problem } = originalCheckHours();
  if (problem) console.error(`Originals: ${problem}`);
  startOriginalChecks((await getConnection()).db, hours);
}
