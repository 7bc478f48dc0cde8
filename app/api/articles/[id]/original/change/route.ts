import { dismissOriginalChange } from "@/lib/articles/original-watch";
import { apiRoute } from "@/lib/http/route";

/** Editors: dismiss the original's change (nothing in it for the fact-check); answers `{ original }` as GET `…/original` does. */
export const DELETE = apiRoute<{ id: string }>(async ({ db, actor, params }) => ({ original: await dismissOriginalChange(db, actor, params.id) }), { noun: "article" });
