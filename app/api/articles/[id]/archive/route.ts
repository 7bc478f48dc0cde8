import { archiveArticle, restoreArticle } from "@/lib/articles/archive";
import { apiRoute } from "@/lib/http/route";

/** Archives the article (editors): `{archivedAt}`; 409 when it is archived already. */
export const POST = apiRoute<{ id: string }>(async ({ db, actor, params }) => archiveArticle(db, actor, params.id), { noun: "article" });

/** Restores an archived article to the list (editors): `{archivedAt: null}`; 409 when it is not archived. */
export const DELETE = apiRoute<{ id: string }>(async ({ db, actor, params }) => restoreArticle(db, actor, params.id), { noun: "article" });
