import { listAuditEntries } from "@/lib/audit/queries";
import { apiRoute } from "@/lib/http/route";

/** The audit trail, newest first (admins): `?actor=&article=&subject=&action=&from=&to=&before=`. */
export const GET = apiRoute(async ({ db, actor, request }) =>
  listAuditEntries(db, actor, Object.fromEntries(new URL(request.url).searchParams)),
);
