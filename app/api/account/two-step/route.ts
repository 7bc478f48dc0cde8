import { readJsonBody } from "@/lib/http/body";
import { apiRoute, OWN_ACCOUNT } from "@/lib/http/route";
import { turnOnTwoStep, twoStepStatus } from "@/lib/users/two-step";

/** Whether the signed-in person's account has two-step sign-in: `{enabled, enabledAt, recoveryCodesLeft}`. */
export const GET = apiRoute(async ({ db, actor }) => ({ status: await twoStepStatus(db, actor) }), OWN_ACCOUNT);

/** Turns it on, `{secret, code, currentPassword}`: answers `{recoveryCodes, status}`, the codes shown this once. */
export const POST = apiRoute(async ({ db, actor, request }) => turnOnTwoStep(db, actor, await readJsonBody(request)), OWN_ACCOUNT);
