import { checkOriginalNow, originalCheckHours } from "@/lib/articles/original-watch";
import { apiRoute } from "@/lib/http/route";

/** Editors: read the article's original now (it waits up to 20 s for the site); answers `{ original }` as GET `…/original` does. */
export const POST = apiRoute<{ id: string }>(
  async ({ db, actor, params }) => ({ original: await checkOriginalNow(db, actor, params.id, originalCheckHours().hours) }),
  { noun: "article" },
);
