import { newsroomConfig } from "@/lib/newsroom/config";
import { mailSettings, type MailSettings } from "./mail-settings";
import type { SendEmail } from "./notify";
import { smtpSender } from "./smtp";

/** How the desk sends email, once set up: the sender, its settings, what emails name (the app's address, the newsroom) and the newsroom's time zone. */
export type DeskMail = { send: SendEmail; settings: MailSettings; appUrl: string; newsroom: string; timeZone: string };

const holder = globalThis as { __factcheckDeskMail?: DeskMail | null };

/**
 * The desk's email, from SMTP_URL and its companions (./mail-settings.ts), made once per process so
 * that every email goes through one transport; null when the desk sends no email.
 */
export function deskMail(): DeskMail | null {
  if (holder.__factcheckDeskMail !== undefined) return holder.__factcheckDeskMail;
  const { settings } = mailSettings();
  const { appUrl, name, timeZone } = newsroomConfig();
  holder.__factcheckDeskMail = settings && { send: smtpSender(settings.smtpUrl, settings.from), settings, appUrl, newsroom: name, timeZone };
  return holder.__factcheckDeskMail;
}
