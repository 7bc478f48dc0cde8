import { readJsonBody } from "@/lib/http/body";
import { apiRoute } from "@/lib/http/route";
import { changeSelfRegistration, readSelfRegistration } from "@/lib/users/self-registration";

/** Whether a first sign-in through single sign-on creates a reviewer account (admins only). */
export const GET = apiRoute(async ({ db, actor }) => ({ selfRegistration: await readSelfRegistration(db, actor) }));

/** Switches self-registration on or off: `{"enabled": true | false}` (admins only). */
export const PUT = apiRoute(async ({ db, actor, request }) => ({
  selfRegistration: await changeSelfRegistration(db, actor, await readJsonBody(request)),
}));
