import { z } from "zod";
import { textPositionSelectorSchema, textQuoteSelectorSchema } from "@/lib/anchoring";
import { newsroomConfig } from "@/lib/newsroom/config";
import { dayIn } from "@/lib/time-zone";
import { isSafeHttpUrl } from "@/lib/urls";
import { claimantSchema } from "./claimant";
import { verdictSchema } from "./verdicts";

/** Limits on what a user may type, shared by the form (to say so early) and the server (to enforce it). */
export const LIMITS = {
  explanation: 20_000,
  sources: 30,
  sourceTitle: 500,
  sourcePublisher: 200,
  sourceQuote: 5_000,
  url: 2_048,
} as const;

const httpUrl = z
  .string({ error: "is required" })
  .trim()
  .min(1, "is required")
  .max(LIMITS.url, `must be at most ${LIMITS.url} characters`)
  .refine(isSafeHttpUrl, "must be an http:// or https:// address");

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max.toLocaleString("en")} characters`)
    .optional()
    .transform((value) => value ?? "");

const isoDate = z.iso.date({ error: "must be a date as YYYY-MM-DD" });

export const sourceInputSchema = z.strictObject({
  url: httpUrl,
  title: optionalText(LIMITS.sourceTitle),
  publisher: optionalText(LIMITS.sourcePublisher),
  quote: optionalText(LIMITS.sourceQuote),
  // Read today unless said otherwise: the newsroom's today (the desk's form fills in the person's own).
  accessedAt: isoDate.optional().transform((value) => value ?? dayIn(newsroomConfig().timeZone)),
  archiveUrl: z
    .union([httpUrl, z.literal(""), z.null()])
    .optional()
    .transform((value) => value || null),
});

export type SourceInput = z.output<typeof sourceInputSchema>;

const selectorSchema = z.discriminatedUnion("type", [textQuoteSelectorSchema, textPositionSelectorSchema], {
  error: () => "must be a TextQuoteSelector or a TextPositionSelector",
});

const selectorsSchema = z
  .array(selectorSchema)
  .min(1, "needs a TextQuoteSelector")
  .max(2, "takes one TextQuoteSelector and at most one TextPositionSelector")
  .refine((selectors) => selectors.filter((s) => s.type === "TextQuoteSelector").length === 1, "needs exactly one TextQuoteSelector")
  .refine((selectors) => selectors.filter((s) => s.type === "TextPositionSelector").length <= 1, "takes at most one TextPositionSelector");

const claimContent = {
  verdict: verdictSchema.nullable().optional(),
  claimant: claimantSchema.nullable().optional(),
  explanation: z
    .string()
    .max(LIMITS.explanation, `must be at most ${LIMITS.explanation.toLocaleString("en")} characters`)
    .optional(),
  sources: z.array(sourceInputSchema).max(LIMITS.sources, `at most ${LIMITS.sources} sources`).optional(),
};

export const annotationCreateSchema = z.strictObject({
  selectors: selectorsSchema,
  ...claimContent,
});

export type AnnotationCreateInput = z.output<typeof annotationCreateSchema>;

export const versionSchema = z.int({ error: "must be the version you read, a whole number" }).positive();

export const annotationUpdateSchema = z.strictObject({
  version: versionSchema,
  ...claimContent,
});

export type AnnotationUpdateInput = z.output<typeof annotationUpdateSchema>;

export const annotationReattachSchema = z.strictObject({
  version: versionSchema,
  selectors: selectorsSchema,
});

export const annotationDiscardSchema = z.strictObject({
  version: versionSchema,
});

export const placementConfirmSchema = z.strictObject({
  version: versionSchema,
  /** The article revision the placement was seen in: a newer revision may have moved it since. */
  revision: z.int({ error: "must be the article revision you read, a whole number" }).positive(),
});
