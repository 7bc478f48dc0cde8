import { readJsonBody } from "@/lib/http/body";
import { apiRoute, OWN_ACCOUNT } from "@/lib/http/route";
import { turnOffTwoStep } from "@/lib/users/two-step";

/** Turns the signed-in person's two-step sign-in off, `{currentPassword}`. */
export const POST = apiRoute(async ({ db, actor, request }) => turnOffTwoStep(db, actor, await readJsonBody(request)), OWN_ACCOUNT);
