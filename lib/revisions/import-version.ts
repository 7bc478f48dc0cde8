import { z } from "zod";
import type { Database } from "@/db/database";
import { convertImport } from "@/lib/articles/import";
import { importFormatSchema } from "@/lib/articles/import/formats";
import { mayEditArticle } from "@/lib/policies/article";
import { enforce } from "@/lib/policies/enforce";
import type { Actor } from "@/lib/users/actor";
import { parseInput } from "@/lib/validation";
import { saveRevision, type RevisionSaved } from "./service";

/** A newer version of an article from a file or pasted text; a form sends the base revision as text. */
export const versionImportSchema = z.strictObject({
  baseRevision: z.coerce.number({ error: "must be a revision number" }).int("must be a revision number").positive("must be a revision number"),
  format: importFormatSchema,
  content: z.string({ error: "is required" }),
  fileName: z.string().max(255).optional(),
});

/**
 * Saves an imported text (plain, Markdown or HTML, converted as for a new article) as the article's next
 * revision, re-anchoring its annotations as any saved revision does. Editors and admins only.
 */
export async function importRevision(db: Database, actor: Actor | null, articleId: string, input: unknown): Promise<RevisionSaved> {
  enforce(mayEditArticle(actor), actor);
  const { baseRevision, format, content, fileName } = parseInput(versionImportSchema, input);
  const { doc } = convertImport({ format, content, fileName });
  return saveRevision(db, actor, articleId, { baseRevision, doc: doc.toJSON() });
}
