import { createHmac } from "node:crypto";
import type { Database } from "@/db/database";
import { sessionSecret } from "@/lib/settings";

/** The most proxies `TRUSTED_PROXY_HOPS` may name: more is a typo, not a network. */
const MAX_PROXY_HOPS = 10;

/**
 * How many proxies in front of the app append to `X-Forwarded-For` (`TRUSTED_PROXY_HOPS`, 1 by default:
 * a load balancer or nginx). Behind a CDN and a load balancer, 2: the CDN writes the sender's address,
 * the load balancer the CDN's. A malformed value throws, naming the variable.
 */
export function trustedProxyHops(value = process.env.TRUSTED_PROXY_HOPS): number {
  if (value === undefined || value.trim() === "") return 1;
  const hops = Number(value);
  if (!Number.isInteger(hops) || hops < 1 || hops > MAX_PROXY_HOPS) throw new Error(`Configuration: TRUSTED_PROXY_HOPS must be a whole number from 1 to ${MAX_PROXY_HOPS}`);
  return hops;
}

/**
 * The sender's network address as the request tells it: in `X-Forwarded-For`, the address written by the
 * farthest of the `hops` proxies the desk trusts (by default the last address, which the nearest proxy
 * wrote; the app's own server writes the connection's address when no proxy did), else `X-Real-IP`, else
 * none. Addresses further left are the sender's to write, so they are not read. Behind a CDN that the
 * hops do not count, the address read is the CDN's, which many readers share, and the limit per article
 * (`MAX_MESSAGES_PER_ARTICLE_HOUR`) is what holds.
 */
export function senderAddressOf(headers: Headers, hops = trustedProxyHops()): string | null {
  const addresses = headers.get("x-forwarded-for")?.split(",").map((address) => address.trim()).filter(Boolean) ?? [];
  const forwarded = addresses[Math.max(0, addresses.length - hops)];
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
