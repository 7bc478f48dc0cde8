import { apiRoute, OWN_ACCOUNT } from "@/lib/http/route";
import { signOutEverywhere } from "@/lib/users/account";

/** Signs the signed-in person out everywhere: every session of the account ends, this one included. */
export const DELETE = apiRoute(async ({ db, actor }) => {
  await signOutEverywhere(db, actor);
  return new Response(null, { status: 204 });
}, OWN_ACCOUNT);
