import { z } from "zod";
import { bylineField, optional, originalUrlField, publishedOnField, titleField } from "@/lib/articles/detail-fields";
import { importFormatSchema } from "./formats";

/** What an import takes: the text and its format, and the article's details (a title is found in the text if not given). */
export const importInputSchema = z.strictObject({
  title: optional(titleField),
  byline: bylineField,
  originalUrl: originalUrlField,
  publishedOn: publishedOnField,
  format: importFormatSchema,
  content: z.string({ error: "is required" }),
  /** The uploaded file's name, when the content came from a file: refusals then name it. */
  fileName: optional(z.string({ error: "must be text" }).max(255, "must be at most 255 characters")),
});
