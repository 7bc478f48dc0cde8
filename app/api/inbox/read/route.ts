import { countUnread, markClaimRead } from "@/lib/comments/inbox";
import { readJsonBody } from "@/lib/http/body";
import { apiRoute } from "@/lib/http/route";

/** Marks read what the inbox holds of the claim `{annotationId}` the person opened; answers what is still unread. */
export const POST = apiRoute(async ({ db, actor, request }) => {
  await markClaimRead(db, actor, await readJsonBody(request));
  return { unread: await countUnread(db, actor) };
});
