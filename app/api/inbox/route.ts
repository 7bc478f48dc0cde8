import { apiRoute } from "@/lib/http/route";
import { listInbox } from "@/lib/comments/inbox";

/** A page of the signed-in person's inbox (`?page=`): comments that mention them or reply to them, newest first, with the unread count. */
export const GET = apiRoute(async ({ db, actor, request }) => listInbox(db, actor, Object.fromEntries(new URL(request.url).searchParams)));
