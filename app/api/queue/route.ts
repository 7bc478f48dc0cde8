import { apiRoute } from "@/lib/http/route";
import { listQueue } from "@/lib/reviews/queue";
import { queueParamsOf } from "@/lib/reviews/queue-input";

/** A page of the review queue: the claims across every article matching the query's filters, with the counts per status. */
export const GET = apiRoute(async ({ db, actor, request }) => listQueue(db, actor, queueParamsOf(new URL(request.url).searchParams)));
