import { listDeskTopics, removeTopic, renameTopic } from "@/lib/articles/topic-admin";
import { readJsonBody } from "@/lib/http/body";
import { apiRoute } from "@/lib/http/route";

/** The desk's topics, with their articles counted: `{topics, more}`, those containing `?q=` when given. */
export const GET = apiRoute(async ({ db, actor, request }) => listDeskTopics(db, actor, Object.fromEntries(new URL(request.url).searchParams)));

/** Renames the topic `{from}` to `{to}` on every article filed under it (merging it into `to` where both are): editors and admins. */
export const PATCH = apiRoute(async ({ db, actor, request }) => renameTopic(db, actor, await readJsonBody(request)));

/** Takes the topic `?name=` off every article filed under it: editors and admins. */
export const DELETE = apiRoute(async ({ db, actor, request }) => removeTopic(db, actor, { name: new URL(request.url).searchParams.get("name") ?? undefined }));
