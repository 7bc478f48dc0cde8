import { readJsonBody } from "@/lib/http/body";
import { apiRoute } from "@/lib/http/route";
import { actInBulk } from "@/lib/reviews/bulk";

/** `{action: "assign", ids, assigneeId, dueOn?}` or `{action: "request_changes", ids, comment}`: what was done and what was skipped, why. */
export const POST = apiRoute(async ({ db, actor, request }) => actInBulk(db, actor, await readJsonBody(request)));
