import { countUnread, markInboxSeen } from "@/lib/comments/inbox";
import { readJsonBody } from "@/lib/http/body";
import { apiRoute } from "@/lib/http/route";

/** Marks the inbox read up to `{until}`, the time the inbox page was made; answers what is still unread. */
export const POST = apiRoute(async ({ db, actor, request }) => {
  await markInboxSeen(db, actor, await readJsonBody(request));
  return { unread: await countUnread(db, actor) };
});
