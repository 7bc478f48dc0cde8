import { readJsonBody } from "@/lib/http/body";
import { apiRoute } from "@/lib/http/route";
import { getUserRecord } from "@/lib/users/service";
import { changeSsoIdentity } from "@/lib/users/sso-link";

/** Links the single sign-on identity waiting on a user, dismisses it, or unlinks the user's identity (admins): `{action}`; answers the user as listed. */
export const POST = apiRoute<{ id: string }>(
  async ({ db, actor, params, request }) => {
    await changeSsoIdentity(db, actor, params.id, await readJsonBody(request));
    return { user: await getUserRecord(db, actor, params.id) };
  },
  { noun: "user" },
);
