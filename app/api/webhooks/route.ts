import { readJsonBody } from "@/lib/http/body";
import { apiRoute } from "@/lib/http/route";
import { createWebhook, listWebhooks } from "@/lib/webhooks/service";

/** Admins: the webhooks with their latest deliveries; add one. */
export const GET = apiRoute(async ({ db, actor }) => ({ webhooks: await listWebhooks(db, actor) }));

export const POST = apiRoute(async ({ db, actor, request }) => ({ webhook: await createWebhook(db, actor, await readJsonBody(request)) }), { status: 201 });
