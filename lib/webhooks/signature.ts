import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * Webhook signatures, as receivers check them: the header `Webhook-Signature: t=<unix seconds>,v1=<hex>`,
 * where the hex is HMAC-SHA256, keyed with the webhook's secret, of `<t>.<body>` (the raw body, as
 * received). The time is signed too, so that a receiver may refuse an old request replayed.
 */
export const SIGNATURE_HEADER = "Webhook-Signature";

/** A new webhook secret: 32 random bytes, prefixed so that people recognise it where it leaks. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64url")}`;
}

/** The signature header's value for `body`, posted at `at`. */
export function signatureOf(secret: string, body: string, at: Date): string {
  const timestamp = Math.floor(at.getTime() / 1000);
  return `t=${timestamp},v1=${hmac(secret, `${timestamp}.${body}`)}`;
}

function hmac(secret: string, text: string): string {
  return createHmac("sha256", secret).update(text).digest("hex");
}

/**
 * Whether `header` signs `body` with `secret`, at most `toleranceSeconds` before `now` (five minutes by
 * default): what a receiver runs. Constant-time.
 */
export function verifySignature(secret: string, body: string, header: string, now = new Date(), toleranceSeconds = 300): boolean {
  const parts = new Map(header.split(",").map((part) => part.trim().split("=", 2) as [string, string]));
  const timestamp = Number(parts.get("t"));
  const given = parts.get("v1");
  if (!Number.isInteger(timestamp) || !given || !/^[0-9a-f]{64}$/.test(given)) return false;
  if (Math.abs(now.getTime() / 1000 - timestamp) > toleranceSeconds) return false;
  return timingSafeEqual(Buffer.from(given, "hex"), Buffer.from(hmac(secret, `${timestamp}.${body}`), "hex"));
}
