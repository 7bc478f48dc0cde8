import type { Database } from "@/db/database";
import type { DeskMail } from "./desk-mail";
import { emailInboxNotifications } from "./notify";

/** How often each instance looks for inbox items to email. */
export const POLL_MS = 15_000;

const holder = globalThis as { __factcheckEmailTimer?: ReturnType<typeof setInterval> };

/**
 * Emails inbox items (`./notify.ts`) every `POLL_MS` for as long as the server runs (once per process,
 * however often it is called). A round never overlaps the previous one; a failure is logged, and the
 * next round tries again.
 */
export function startInboxEmails(db: Database, mail: DeskMail): void {
  if (holder.__factcheckEmailTimer) return;
  let running = false;
  holder.__factcheckEmailTimer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      await emailInboxNotifications(db, mail.send, {
        appUrl: mail.appUrl,
        newsroom: mail.newsroom,
        delaySeconds: mail.settings.delaySeconds,
        daily: { at: mail.settings.dailyAt, timeZone: mail.timeZone },
      });
    } catch (error) {
      console.error(`Email: looking for inbox items to email failed (${error instanceof Error ? error.message : String(error)}); trying again in ${POLL_MS / 1000} s.`);
    } finally {
      running = false;
    }
  }, POLL_MS);
  holder.__factcheckEmailTimer.unref?.();
}
