import { z } from "zod";

/** How many characters of context a TextQuoteSelector keeps either side of the quote. */
export const CONTEXT_LENGTH = 32;

export const textQuoteSelectorSchema = z.object({
  type: z.literal("TextQuoteSelector"),
  exact: z.string().min(1, "must not be empty").max(10_000, "must be at most 10,000 characters"),
  prefix: z.string().max(1_000).optional(),
  suffix: z.string().max(1_000).optional(),
});

export const textPositionSelectorSchema = z.object({
  type: z.literal("TextPositionSelector"),
  start: z.int().nonnegative(),
  end: z.int().nonnegative(),
});

export type TextQuoteSelector = { type: "TextQuoteSelector"; exact: string; prefix: string; suffix: string };
export type TextPositionSelector = z.infer<typeof textPositionSelectorSchema>;
export type Selector = TextQuoteSelector | TextPositionSelector;
