import { readJsonBody } from "@/lib/http/body";
import { apiRoute, OWN_ACCOUNT } from "@/lib/http/route";
import { setEmailNotifications } from "@/lib/users/account";

/** Turns the signed-in person's inbox emails on or off, and once a day or as they come: `{email: true | false, daily?: true | false}`. */
export const PUT = apiRoute(async ({ db, actor, request }) => ({ account: await setEmailNotifications(db, actor, await readJsonBody(request)) }), OWN_ACCOUNT);
