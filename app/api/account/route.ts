import { readJsonBody } from "@/lib/http/body";
import { apiRoute, OWN_ACCOUNT } from "@/lib/http/route";
import { getAccount, renameSelf } from "@/lib/users/account";

/** The signed-in person's own account. */
export const GET = apiRoute(async ({ db, actor }) => ({ account: await getAccount(db, actor) }), OWN_ACCOUNT);

/** Renames the signed-in person: `{name}`. */
export const PATCH = apiRoute(async ({ db, actor, request }) => ({ account: await renameSelf(db, actor, await readJsonBody(request)) }), OWN_ACCOUNT);
