import { apiRoute } from "@/lib/http/route";
import { listColleagues } from "@/lib/users/service";

/** Active colleagues whose name contains `?q=`, to mention or assign. */
export const GET = apiRoute(async ({ db, actor, request }) => ({
  colleagues: await listColleagues(db, actor, new URL(request.url).searchParams.get("q") ?? ""),
}));
