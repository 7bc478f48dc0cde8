import { readOriginalWatch } from "@/lib/articles/original-watch";
import { apiRoute } from "@/lib/http/route";

/** What the desk knows of the article's original at its web address: `{ original: { url, checkedAt, changed, failure } | null }`. */
export const GET = apiRoute<{ id: string }>(async ({ db, actor, params }) => ({ original: await readOriginalWatch(db, actor, params.id) }), { noun: "article" });
