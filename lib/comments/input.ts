import { z } from "zod";
import { isId } from "@/lib/ids";

export const COMMENT_MAX_LENGTH = 10_000;

const body = z
  .string({ error: "is required" })
  .trim()
  .min(1, "must not be empty")
  .max(COMMENT_MAX_LENGTH, `must be at most ${COMMENT_MAX_LENGTH.toLocaleString("en")} characters`);

const userIds = z
  .array(z.string().refine(isId, "must be user ids"), { error: "must be a list of user ids" })
  .max(50, "at most 50 people")
  .optional()
  .transform((ids) => [...new Set(ids ?? [])]);

export const newCommentSchema = z.strictObject({
  body,
  /** The comment replied to; a reply to a reply joins the thread of the comment it answers. */
  parentId: z.string().refine(isId, "must be a comment id").nullable().optional(),
  /** The colleagues mentioned with @Name, as the autocomplete picked them. */
  mentions: userIds,
});

export const commentChangeSchema = z.strictObject({ body, mentions: userIds });

/** Resolves a thread (folds it away as done) or reopens it. */
export const threadResolutionSchema = z.strictObject({ resolved: z.boolean({ error: "must be true (resolve the thread) or false (reopen it)" }) });

export type NewComment = z.output<typeof newCommentSchema>;
