import { countUnread } from "@/lib/comments/inbox";
import { apiRoute } from "@/lib/http/route";

/** How many comments for the signed-in person came since they last opened their inbox: `{unread}`. */
export const GET = apiRoute(async ({ db, actor }) => ({ unread: await countUnread(db, actor) }));
