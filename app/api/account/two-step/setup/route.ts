import { apiRoute, OWN_ACCOUNT } from "@/lib/http/route";
import { startTwoStepSetup } from "@/lib/users/two-step";

/** A new key for an authenticator app, `{secret, uri, qrCode}`; nothing changes until a code from it turns two-step sign-in on. */
export const POST = apiRoute(async ({ db, actor }) => ({ setup: await startTwoStepSetup(db, actor) }), OWN_ACCOUNT);
