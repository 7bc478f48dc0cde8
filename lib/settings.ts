import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/database";
import { appSettings } from "@/db/schema";

/**
 * The value stored under `key`, created with `generate()` by whichever instance asks first.
 * Every instance on the same database reads the same value, so nothing has to be configured by hand.
 */
export async function sharedSetting(db: Database, key: string, generate: () => string): Promise<string> {
  await db.insert(appSettings).values({ key, value: generate() }).onConflictDoNothing();
  const [row] = await db.select({ value: appSettings.value }).from(appSettings).where(eq(appSettings.key, key));
  return row!.value;
}

// Once stored, the secret never changes, so each process reads it once per database.
const secrets = new WeakMap<Database, Promise<string>>();

/** The secret that signs and encrypts session tokens: `NEXTAUTH_SECRET` when set, else one generated and stored once. */
export function sessionSecret(db: Database): Promise<string> {
  if (process.env.NEXTAUTH_SECRET) return Promise.resolve(process.env.NEXTAUTH_SECRET);
  let secret = secrets.get(db);
  if (!secret) {
    secret = sharedSetting(db, "session_secret", () => randomBytes(32).toString("base64url"));
    secret.catch(() => secrets.delete(db));
    secrets.set(db, secret);
  }
  return secret;
}
