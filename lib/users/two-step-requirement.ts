import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/database";
import { appSettings, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { Conflict } from "@/lib/errors";
import { enforce } from "@/lib/policies/enforce";
import { mayChangeSettings } from "@/lib/policies/settings";
import { parseInput } from "@/lib/validation";
import type { Actor } from "./actor";

/**
 * The desk's rule that editors and admins, who publish and manage people, sign in with two steps. While it
 * holds, such an account that signs in with a password and has no second step yet may do one thing: turn it
 * on, under Your account (every other page leads there, every other API call is refused). Reviewers, and
 * accounts that sign in through single sign-on (their provider's own second step protects them), are not
 * concerned. Off until an admin turns it on.
 */
const KEY = "two_step_required";
const EDITORS = "editors";

/** What a user the rule holds for is told wherever they go but their account. */
export const TWO_STEP_DUE = "The desk requires two-step sign-in of editors and admins: turn yours on under Your account (/account) to go on.";

const changeSchema = z.strictObject({ required: z.boolean({ error: "must be true or false" }) });

/** Whether the rule holds now. */
async function isRequired(db: Database): Promise<boolean> {
  const [row] = await db.select({ value: appSettings.value }).from(appSettings).where(eq(appSettings.key, KEY));
  return row?.value === EDITORS;
}

/**
 * For the actor read on every request (one query, no more): whether the rule holds for this account and
 * its second step is still to turn on.
 */
export const twoStepDue = sql<boolean>`(
  ${users.role} in ('editor', 'admin') and ${users.passwordHash} is not null and ${users.totpSecret} is null
  and exists (select 1 from ${appSettings} where ${appSettings.key} = ${KEY} and ${appSettings.value} = ${EDITORS})
)`;

/** The rule as an admin sees it. */
export async function readTwoStepRequirement(db: Database, actor: Actor | null): Promise<{ required: boolean }> {
  enforce(mayChangeSettings(actor), actor);
  return { required: await isRequired(db) };
}

/**
 * Makes two-step sign-in required of editors and admins, or not (`{required}`); admins, audited. An admin
 * signing in with a password turns their own on first: the rule would otherwise send them to do it at once.
 */
export async function changeTwoStepRequirement(db: Database, actor: Actor | null, input: unknown): Promise<{ required: boolean }> {
  enforce(mayChangeSettings(actor), actor);
  const { required } = parseInput(changeSchema, input);
  return db.transaction(async (tx) => {
    const [admin] = await tx.select({ passwordHash: users.passwordHash, totpSecret: users.totpSecret }).from(users).where(eq(users.id, actor!.id));
    if (required && admin?.passwordHash && !admin.totpSecret) {
      throw new Conflict("Turn on your own two-step sign-in first, under Your account: the rule applies to you too.");
    }
    const [current] = await tx.select({ value: appSettings.value }).from(appSettings).where(eq(appSettings.key, KEY)).for("update");
    if ((current?.value === EDITORS) === required) return { required };
    const value = required ? EDITORS : "off";
    await tx.insert(appSettings).values({ key: KEY, value }).onConflictDoUpdate({ target: appSettings.key, set: { value } });
    await recordAudit(tx, { actorId: actor!.id, subject: "user", subjectId: actor!.id, action: "updated", before: { twoStepRequired: !required }, after: { twoStepRequired: required } });
    return { required };
  });
}
