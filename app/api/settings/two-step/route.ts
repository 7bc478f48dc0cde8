import { readJsonBody } from "@/lib/http/body";
import { apiRoute } from "@/lib/http/route";
import { changeTwoStepRequirement, readTwoStepRequirement } from "@/lib/users/two-step-requirement";

/** Whether editors and admins must sign in with two steps (admins only). */
export const GET = apiRoute(async ({ db, actor }) => ({ twoStep: await readTwoStepRequirement(db, actor) }));

/** Requires two-step sign-in of editors and admins, or not: `{"required": true | false}` (admins only; 409 while the admin's own is off). */
export const PUT = apiRoute(async ({ db, actor, request }) => ({ twoStep: await changeTwoStepRequirement(db, actor, await readJsonBody(request)) }));
