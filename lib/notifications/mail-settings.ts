import { newsroomConfig } from "@/lib/newsroom/config";

/**
 * How the desk sends email: through which SMTP server, from whom, how long an inbox item waits unread
 * before it is emailed, and at what time of the newsroom's day (HH:MM) the daily emails go.
 */
export type MailSettings = { smtpUrl: string; from: string; delaySeconds: number; dailyAt: string };

/** How long an inbox item waits unread in the desk before it is emailed: someone at work in the desk sees it there first. */
export const DEFAULT_DELAY_SECONDS = 120;

/**
 * The least an item waits, whatever the setting: an item is timed when its transaction starts, so one
 * still being written as a round looks is not visible to it yet, and must not fall behind the time up to
 * which its reader is emailed.
 */
export const MIN_DELAY_SECONDS = 2;

/** When the daily emails go, by the newsroom's clock: before the working day. */
const DEFAULT_DAILY_AT = "08:00";

/**
 * The desk's email settings from `SMTP_URL` (`smtp://user:password@host:587`, or `smtps://` for TLS
 * from the start), `MAIL_FROM` (by default the newsroom's name at no-reply@ the app's host) and
 * `EMAIL_DELAY_SECONDS` (MIN_DELAY_SECONDS at least) and `EMAIL_DAILY_AT` (HH:MM, 24-hour, the newsroom's time); null, without a problem, when SMTP_URL is unset (the desk sends no email).
 * A malformed value is a problem, said at start-up, and the desk sends no email.
 */
export function mailSettings(env: Record<string, string | undefined> = process.env): { settings: MailSettings | null; problems: string[] } {
  const smtpUrl = env.SMTP_URL?.trim();
  if (!smtpUrl) return { settings: null, problems: [] };
  const problems: string[] = [];
  if (!/^smtps?:\/\/[^/\s]+/i.test(smtpUrl) || !URL.canParse(smtpUrl)) problems.push("SMTP_URL must be an smtp:// or smtps:// address, such as smtp://user:password@mail.example.org:587.");
  const delay = env.EMAIL_DELAY_SECONDS?.trim() || String(DEFAULT_DELAY_SECONDS);
  if (!/^\d{1,5}$/.test(delay)) problems.push("EMAIL_DELAY_SECONDS must be a whole number of seconds, such as 120.");
  const dailyAt = env.EMAIL_DAILY_AT?.trim() || DEFAULT_DAILY_AT;
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(dailyAt)) problems.push("EMAIL_DAILY_AT must be a time of day, HH:MM on a 24-hour clock, such as 08:00.");
  const from = env.MAIL_FROM?.trim() || defaultSender(env);
  if (/[\r\n]/.test(from) || !/@[^@\s>]+>?$/.test(from)) problems.push('MAIL_FROM must be an email address, or a name and one: "Fact-check desk <desk@example.org>".');
  if (problems.length) return { settings: null, problems };
  return { settings: { smtpUrl, from, delaySeconds: Math.max(MIN_DELAY_SECONDS, Number(delay)), dailyAt }, problems };
}

/** The newsroom's name at no-reply@ the app's host: "Fact-check desk <no-reply@desk.example.org>". */
function defaultSender(env: Record<string, string | undefined>): string {
  const { name, appUrl } = newsroomConfig(env);
  return `"${name.replace(/["\\\r\n]/g, "")}" <no-reply@${new URL(appUrl).hostname}>`;
}

/** How long an item waits before it is emailed, in words for people ("2 minutes"), rounded up to a minute: rounds come every few seconds after it. */
export const delayInWords = (delaySeconds: number): string => (delaySeconds <= 60 ? "a minute" : `${Math.ceil(delaySeconds / 60)} minutes`);
