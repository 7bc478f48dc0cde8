import { z } from "zod";
import { isSafeHttpUrl } from "@/lib/urls";
import { importFormatSchema } from "./formats";
import { MAX_TITLE_LENGTH } from "./title";

const MAX_BYLINE_LENGTH = 300;
const MAX_URL_LENGTH = 2_048;

/** An optional text field: absent, null and blank (as an empty form field sends it) all mean "not given". */
const optional = <Schema extends z.ZodType>(schema: Schema) =>
  z.preprocess((value) => (value === null || (typeof value === "string" && value.trim() === "") ? undefined : value), schema.optional());

const trimmed = (max: number) => z.string({ error: "must be text" }).trim().max(max, `must be at most ${max} characters`);

/** What an import takes: the text and its format, and the article's details (a title is found in the text if not given). */
export const importInputSchema = z.strictObject({
  title: optional(trimmed(MAX_TITLE_LENGTH)),
  byline: optional(trimmed(MAX_BYLINE_LENGTH)),
  originalUrl: optional(trimmed(MAX_URL_LENGTH).refine(isSafeHttpUrl, "must be an http:// or https:// address")),
  publishedOn: optional(z.iso.date({ error: "must be a date as YYYY-MM-DD" })),
  format: importFormatSchema,
  content: z.string({ error: "is required" }),
  /** The uploaded file's name, when the content came from a file: refusals then name it. */
  fileName: optional(z.string({ error: "must be text" }).max(255, "must be at most 255 characters")),
});
