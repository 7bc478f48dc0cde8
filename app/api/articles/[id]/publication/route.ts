import { apiRoute } from "@/lib/http/route";
import { publicationReadiness } from "@/lib/publishing/readiness";
import { publishArticle, readPublication, unpublishArticle } from "@/lib/publishing/service";

/** Whether the article is public, and at which slug; how many claims its public page shows, and how many wait for a review or a check. */
export const GET = apiRoute<{ id: string }>(
  async ({ db, actor, params }) => ({ publication: await readPublication(db, actor, params.id), readiness: await publicationReadiness(db, actor, params.id) }),
  { noun: "article" },
);

/** Publishes the article's fact-check at /p/<slug> (editors). */
export const POST = apiRoute<{ id: string }>(async ({ db, actor, params }) => ({ publication: await publishArticle(db, actor, params.id) }), { noun: "article" });

/** Takes the public page down (editors); the slug is kept for a republication. */
export const DELETE = apiRoute<{ id: string }>(async ({ db, actor, params }) => ({ publication: await unpublishArticle(db, actor, params.id) }), { noun: "article" });
