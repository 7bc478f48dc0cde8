import { annotationHistory } from "@/lib/audit/queries";
import { apiRoute } from "@/lib/http/route";

/** Every change to the claim, its sources and its discussion, oldest first. */
export const GET = apiRoute<{ id: string }>(async ({ db, actor, params }) => ({ entries: await annotationHistory(db, actor, params.id) }), {
  noun: "annotation",
});
