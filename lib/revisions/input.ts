import type { Node } from "prosemirror-model";
import { z } from "zod";
import { articleSchema } from "@/lib/editor/schema";
import { Invalid, NotFound } from "@/lib/errors";

/** The largest document a revision may hold, as JSON: a long feature with its markup is well under 1 MB. */
export const MAX_DOC_BYTES = 5 * 1024 * 1024;

const revisionNumberSchema = z.int({ error: "must be a revision number, a whole number" }).positive();

export const revisionSaveSchema = z.strictObject({
  /** The revision the editing started from: saving refuses (409) when someone saved another since. */
  baseRevision: revisionNumberSchema,
  /** The edited document as ProseMirror JSON, checked against the article schema by `parseDoc`. */
  doc: z.unknown().refine((doc) => doc !== undefined, "is required"),
});

export const revisionRestoreSchema = z.strictObject({
  /** The current revision as the person saw it: restoring refuses (409) when someone saved another since. */
  baseRevision: revisionNumberSchema,
});

/**
 * The document `json` describes, if it is a whole article valid in the article schema and at most
 * MAX_DOC_BYTES of JSON.
 * @throws Invalid with the field "doc" otherwise.
 */
export function parseDoc(json: unknown): Node {
  const refuse = (reason: string) => new Invalid(`doc: ${reason}`, { doc: reason });
  if (JSON.stringify(json).length > MAX_DOC_BYTES) throw refuse(`must be at most ${MAX_DOC_BYTES / 1024 / 1024} MB of JSON`);
  let doc: Node;
  try {
    doc = articleSchema.nodeFromJSON(json);
    doc.check();
  } catch (error) {
    throw refuse(`is not a valid article document (${error instanceof Error ? error.message : "unreadable"})`);
  }
  if (doc.type !== articleSchema.topNodeType) throw refuse("must be a whole document, not a part of one");
  return doc;
}

/** A revision number from a URL (path segment or query parameter); anything else names no revision. */
export function parseRevisionNumber(value: string | null | undefined, name = "revision"): number {
  const number = value && /^\d{1,9}$/.test(value) ? Number(value) : NaN;
  if (!revisionNumberSchema.safeParse(number).success) throw new NotFound(`No ${name} ${value ?? ""}`.trim() + ".");
  return number;
}

/** The two revisions of a comparison, from `?from=&to=`: both are required whole numbers. */
export function parseComparison(params: URLSearchParams): { from: number; to: number } {
  const read = (name: "from" | "to") => {
    const value = params.get(name);
    if (!value || !/^\d{1,9}$/.test(value) || Number(value) < 1) {
      throw new Invalid(`${name}: must be a revision number`, { [name]: "must be a revision number" });
    }
    return Number(value);
  };
  return { from: read("from"), to: read("to") };
}
