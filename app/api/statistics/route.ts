import { apiRoute } from "@/lib/http/route";
import { deskStatistics } from "@/lib/statistics/desk";

/** The desk's figures over the last `?days=` 7, 30 (the default) or 90 days (editors and admins). */
export const GET = apiRoute(async ({ db, actor, request }) => ({
  statistics: await deskStatistics(db, actor, Object.fromEntries(new URL(request.url).searchParams)),
}));
