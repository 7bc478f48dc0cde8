import { apiRoute } from "@/lib/http/route";
import { orphanReplacements } from "@/lib/revisions/orphan-replacement";

/** What the revisions put in place of each orphan's text, by annotation id: `{replacements: {[id]: {start, end, text, selectors}}}`. */
export const GET = apiRoute<{ id: string }>(async ({ db, actor, params }) => ({ replacements: await orphanReplacements(db, actor, params.id) }), {
  noun: "article",
});
