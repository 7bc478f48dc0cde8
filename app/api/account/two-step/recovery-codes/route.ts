import { readJsonBody } from "@/lib/http/body";
import { apiRoute, OWN_ACCOUNT } from "@/lib/http/route";
import { replaceRecoveryCodes } from "@/lib/users/two-step";

/** New recovery codes, `{currentPassword}`: answers `{recoveryCodes, status}`; the old codes stop working. */
export const POST = apiRoute(async ({ db, actor, request }) => replaceRecoveryCodes(db, actor, await readJsonBody(request)), OWN_ACCOUNT);
