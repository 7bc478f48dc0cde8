import { apiRoute } from "@/lib/http/route";
import { redeliver } from "@/lib/webhooks/service";

/** Admins: send a delivery again, now, from its first attempt. */
export const POST = apiRoute<{ id: string }>(async ({ db, actor, params }) => ({ webhook: await redeliver(db, actor, params.id) }), { noun: "webhook delivery" });
