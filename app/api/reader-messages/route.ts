import { apiRoute } from "@/lib/http/route";
import { listReaderMessages } from "@/lib/reader-messages/desk";

/** A page of readers' messages, newest first (editors and admins): `?state=new|handled|all`, `?article=`, `?page=`. */
export const GET = apiRoute(async ({ db, actor, request }) => listReaderMessages(db, actor, Object.fromEntries(new URL(request.url).searchParams)));
