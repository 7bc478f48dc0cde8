import { readJsonBody } from "@/lib/http/body";
import { apiRoute } from "@/lib/http/route";
import { deleteWebhook, updateWebhook } from "@/lib/webhooks/service";

/** Admins: change a webhook (address, description, events, format, active, a new secret). */
export const PATCH = apiRoute<{ id: string }>(async ({ db, actor, params, request }) => ({ webhook: await updateWebhook(db, actor, params.id, await readJsonBody(request)) }), {
  noun: "webhook",
});

/** Admins: delete a webhook and its deliveries. */
export const DELETE = apiRoute<{ id: string }>(
  async ({ db, actor, params }) => {
    await deleteWebhook(db, actor, params.id);
    return new Response(null, { status: 204 });
  },
  { noun: "webhook" },
);
