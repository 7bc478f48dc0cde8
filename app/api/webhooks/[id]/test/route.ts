import { apiRoute } from "@/lib/http/route";
import { sendTestEvent } from "@/lib/webhooks/service";

/** Admins: queue a test event (`ping`) for the webhook. */
export const POST = apiRoute<{ id: string }>(async ({ db, actor, params }) => ({ webhook: await sendTestEvent(db, actor, params.id) }), { noun: "webhook" });
