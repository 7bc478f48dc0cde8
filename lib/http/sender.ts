import { createHmac } from "node:crypto";
import type { Database } from "@/db/database";
import { sessionSecret } from "@/lib/settings";

/**
 * The sender's network address as the request tells it: the last address of `X-Forwarded-For`, which the
 * nearest proxy in front of the app wrote (the app's own server writes the connection's address when no
 * proxy did), else `X-Real-IP`, else none. Addresses further left are the sender's to write, so they are
 * not read; behind a chain of proxies (a CDN) the last is the CDN's, which many readers share, and the
 * limit per article (`MAX_MESSAGES_PER_ARTICLE_HOUR`) is what holds.
 */
export function senderAddressOf(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-for")?.split(",").at(-1)?.trim();
  return forwarded || headers.get("x-real-ip")?.trim() || null;
}

/** What a sender's requests are counted for: readers' messages and tips, or links to set a new password. */
export type SenderPurpose = "reader" | "password-reset";

/**
 * A keyed digest of the sender's address, for `purpose`: enough to count one sender's requests, not to
 * learn the address (the key is the desk's session secret, which no reader and no dump of a table holds),
 * nor to tell which readers asked for password links.
 */
export async function senderDigestOf(db: Database, address: string | null, purpose: SenderPurpose = "reader"): Promise<string> {
  return createHmac("sha256", await sessionSecret(db))
    .update(`${purpose}:${address ?? "unknown"}`)
    .digest("base64url")
    .slice(0, 22);
}
