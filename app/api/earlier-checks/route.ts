import { findEarlierChecks } from "@/lib/annotations/earlier-checks";
import { apiRoute } from "@/lib/http/route";

/** Approved claims like `?quote=` (at most 2,000 characters), the most alike first; `?except=` leaves out that claim. */
export const GET = apiRoute(async ({ db, actor, request }) => ({
  checks: await findEarlierChecks(db, actor, Object.fromEntries(new URL(request.url).searchParams)),
}));
