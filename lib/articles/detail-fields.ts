import { z } from "zod";
import { isSafeHttpUrl } from "@/lib/urls";
import { MAX_TITLE_LENGTH } from "./import/title";

const MAX_BYLINE_LENGTH = 300;
const MAX_URL_LENGTH = 2_048;

/** An optional text field: absent, null and blank (as an empty form field sends it) all mean "not given". */
export const optional = <Schema extends z.ZodType>(schema: Schema) =>
  z.preprocess((value) => (value === null || (typeof value === "string" && value.trim() === "") ? undefined : value), schema.optional());

const trimmed = (max: number) => z.string({ error: "must be text" }).trim().max(max, `must be at most ${max} characters`);

/**
 * The article's details as an import and an edit of them take them: its title, byline, the address of the
 * original and the day it was published (YYYY-MM-DD).
 */
export const titleField = trimmed(MAX_TITLE_LENGTH);
export const bylineField = optional(trimmed(MAX_BYLINE_LENGTH));
export const originalUrlField = optional(trimmed(MAX_URL_LENGTH).refine(isSafeHttpUrl, "must be an http:// or https:// address"));
export const publishedOnField = optional(z.iso.date({ error: "must be a date as YYYY-MM-DD" }));

/** The details an editor may change, as events and the audit trail name them. */
export const ARTICLE_DETAIL_FIELDS = ["title", "byline", "originalUrl", "publishedOn"] as const;

export type ArticleDetailField = (typeof ARTICLE_DETAIL_FIELDS)[number];

/** Each detail, named for people ("changed the title and byline"). */
export const ARTICLE_DETAIL_LABELS: Record<ArticleDetailField, string> = {
  title: "title",
  byline: "byline",
  originalUrl: "original's address",
  publishedOn: "day published",
};
