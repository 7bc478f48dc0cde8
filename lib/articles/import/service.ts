import type { Database } from "@/db/database";
import { mayImportArticle } from "@/lib/policies/article";
import { enforce } from "@/lib/policies/enforce";
import type { Actor } from "@/lib/users/actor";
import { parseInput } from "@/lib/validation";
import { convertImport } from "./index";
import { importInputSchema } from "./input";
import { createArticleFromDocument } from "@/lib/articles/create";

/**
 * Creates an article from imported text, Markdown or HTML (editors and admins): `input` is
 * `{ format, content, title?, byline?, originalUrl?, publishedOn?, fileName? }` (see `importInputSchema`).
 * The given title wins over the one found in the text.
 * @throws Forbidden for reviewers, Invalid for bad input or content without text, PayloadTooLarge over 5 MB.
 */
export async function importArticle(db: Database, actor: Actor | null, input: unknown): Promise<{ id: string; title: string }> {
  enforce(mayImportArticle(actor), actor);
  const { title, byline, originalUrl, publishedOn, format, content, fileName } = parseInput(importInputSchema, input);
  const imported = convertImport({ format, content, fileName });
  const article = { title: title ?? imported.title, doc: imported.doc, byline, originalUrl, publishedOn, addedBy: actor!.id };
  const { id } = await createArticleFromDocument(db, article);
  return { id, title: article.title };
}
