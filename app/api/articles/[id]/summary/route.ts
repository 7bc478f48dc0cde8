import { readJsonBody } from "@/lib/http/body";
import { apiRoute } from "@/lib/http/route";
import { readPublicSummary, setPublicSummary } from "@/lib/publishing/summary";

/** The fact-check's summary for readers: read it (anyone on the desk); write, change or remove it (editors). */
export const GET = apiRoute<{ id: string }>(async ({ db, actor, params }) => readPublicSummary(db, actor, params.id), { noun: "article" });

export const PUT = apiRoute<{ id: string }>(async ({ db, actor, params, request }) => setPublicSummary(db, actor, params.id, await readJsonBody(request)), { noun: "article" });
