import { z } from "zod";

/** An article event as the stream sends it (lib/live/feed.ts `ArticleEvent`), checked at the boundary. */
export const articleEventSchema = z.object({
  id: z.number().int(),
  kind: z.string(),
  articleId: z.string(),
  annotationId: z.string().nullable(),
  subjectId: z.string(),
  actor: z.object({ id: z.string(), name: z.string() }).nullable(),
});

export type ArticleEventMessage = z.infer<typeof articleEventSchema>;

export const presenceSchema = z.object({ present: z.array(z.object({ id: z.string(), name: z.string() })) });

export type Person = z.infer<typeof presenceSchema>["present"][number];

/** Parses the JSON of an event's data with `schema`; null for anything else (a proxy's garbage must not break the page). */
export function parseEventData<T>(schema: z.ZodType<T>, data: unknown): T | null {
  if (typeof data !== "string") return null;
  try {
    const parsed = schema.safeParse(JSON.parse(data));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Changes after which the claim is no longer in the article's list. */
export const GONE_KINDS = new Set(["annotation.deleted", "annotation.discarded"]);

/**
 * Changes to the article itself that its page draws on the server: its details, summary or archiving
 * (`article.updated`) and its publication. The page is drawn again when one comes.
 */
export const ARTICLE_PAGE_KINDS = new Set(["article.updated", "article.published", "article.unpublished"]);
