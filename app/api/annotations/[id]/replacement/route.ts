import { apiRoute } from "@/lib/http/route";
import { orphanReplacement } from "@/lib/revisions/orphan-replacement";

/** For an orphan, the text the revisions put in place of its own (`{replacement: {start, end, text}}`), or `{replacement: null}`. */
export const GET = apiRoute<{ id: string }>(async ({ db, actor, params }) => ({ replacement: await orphanReplacement(db, actor, params.id) }), {
  noun: "annotation",
});
