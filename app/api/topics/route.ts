import { listDeskTopics, removeTopic, renameTopic } from "@/lib/articles/topic-admin";
import { readJsonBody } from "@/lib/http/body";
import { apiRoute } from "@/lib/http/route";

/** Every topic of the desk, with its articles counted. */
export const GET = apiRoute(async ({ db, actor }) => ({ topics: await listDeskTopics(db, actor) }));

/** Renames the topic `{from}` to `{to}` on every article filed under it (merging it into `to` where both are): editors and admins. */
export const PATCH = apiRoute(async ({ db, actor, request }) => renameTopic(db, actor, await readJsonBody(request)));

/** Takes the topic `?name=` off every article filed under it: editors and admins. */
export const DELETE = apiRoute(async ({ db, actor, request }) => removeTopic(db, actor, { name: new URL(request.url).searchParams.get("name") ?? undefined }));
