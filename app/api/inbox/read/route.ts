import { countUnread, markOpenedRead } from "@/lib/comments/inbox";
import { readJsonBody } from "@/lib/http/body";
import { apiRoute } from "@/lib/http/route";

/** Marks read what the inbox holds of the claim `{annotationId}` or the article `{articleId}` the person opened; answers what is still unread. */
export const POST = apiRoute(async ({ db, actor, request }) => {
  await markOpenedRead(db, actor, await readJsonBody(request));
  return { unread: await countUnread(db, actor) };
});
