import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/database";
import { appSettings } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { enforce } from "@/lib/policies/enforce";
import { mayChangeSettings } from "@/lib/policies/settings";
import { parseInput } from "@/lib/validation";
import type { Actor } from "./actor";

/**
 * Whether a first sign-in through single sign-on may create a reviewer account. On until an admin
 * switches it off: configuring a provider is itself the decision to let its people in.
 */
const KEY = "self_registration";
const ON = "on";
const OFF = "off";

export const selfRegistrationChangeSchema = z.strictObject({
  enabled: z.boolean({ error: "must be true or false" }),
});

/** Whether self-registration is on now. Takes a transaction too, to decide within one. */
export async function selfRegistrationIsOn(db: Pick<Database, "select">): Promise<boolean> {
  const [row] = await db.select({ value: appSettings.value }).from(appSettings).where(eq(appSettings.key, KEY));
  return row?.value !== OFF;
}

/** Self-registration as an admin sees it. */
export async function readSelfRegistration(db: Database, actor: Actor | null): Promise<{ enabled: boolean }> {
  enforce(mayChangeSettings(actor), actor);
  return { enabled: await selfRegistrationIsOn(db) };
}

/**
 * Switches self-registration on or off (`{enabled}`); admins only, in the audit trail. Affects first sign-ins
 * from now on, not existing accounts.
 */
export async function changeSelfRegistration(db: Database, actor: Actor | null, input: unknown): Promise<{ enabled: boolean }> {
  enforce(mayChangeSettings(actor), actor);
  const { enabled } = parseInput(selfRegistrationChangeSchema, input);
  return db.transaction(async (tx) => {
    const [current] = await tx.select({ value: appSettings.value }).from(appSettings).where(eq(appSettings.key, KEY)).for("update");
    if ((current?.value !== OFF) === enabled) return { enabled };
    const value = enabled ? ON : OFF;
    await tx.insert(appSettings).values({ key: KEY, value }).onConflictDoUpdate({ target: appSettings.key, set: { value } });
    await recordAudit(tx, { actorId: actor!.id, subject: "user", subjectId: actor!.id, action: "updated", before: { selfRegistration: !enabled }, after: { selfRegistration: enabled } });
    return { enabled };
  });
}
