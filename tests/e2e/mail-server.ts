import { startMailServer as startOn, type MailServer } from "../mail-server";
import { APP_PORT } from "./sso-provider";

/**
 * The mail server of the browser tests: `990-email-notifications.spec.ts` runs it (../mail-server.ts) on a
 * port of its own, 91 above the app's, and the app is configured to send through it with no delay
 * (playwright.config.ts). Emails the app tries to send while it is not running are refused and tried
 * again later, as with any mail server that is down.
 */
export const SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? APP_PORT + 91);

export const MAIL_ENVIRONMENT = { SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`, MAIL_FROM: '"Fact-check desk" <desk@example.com>', EMAIL_DELAY_SECONDS: "0" };

export type { MailServer };

export const startMailServer = (): Promise<MailServer> => startOn(SMTP_PORT);
