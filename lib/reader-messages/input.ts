import { z } from "zod";
import { isSafeHttpUrl, withWebScheme } from "@/lib/urls";

/** The longest message a reader may send: a paragraph or two, with a link or two. */
export const MAX_READER_MESSAGE_LENGTH = 2000;
/** The longest note an editor keeps with a handled message. */
export const MAX_HANDLED_NOTE_LENGTH = 1000;

/** An optional field: absent, empty or blank is none. */
const optionalText = (schema: z.ZodType<string | null>) =>
  z.preprocess((value) => (value === undefined || (typeof value === "string" && value.trim() === "") ? null : value), schema);

/** A reader's words: plain text, at most 2,000 characters, its line ends made one kind; `empty` says what to write. */
const messageField = (empty: string) =>
  z
    .string("must be text")
    .trim()
    .min(1, empty)
    .max(MAX_READER_MESSAGE_LENGTH, `must be at most ${MAX_READER_MESSAGE_LENGTH.toLocaleString("en")} characters`)
    .transform((message) => message.replace(/\r\n?/g, "\n"));

/**
 * A reader's message, as the public page's form sends it (form fields or JSON). `about` is the claim
 * the reader means, or empty for the whole fact-check; `website` is a field people never see, which
 * only robots fill in.
 */
export const readerMessageSchema = z.object({
  about: optionalText(z.uuid("must be one of the fact-check's claims").nullable()),
  message: messageField("write what you think is wrong"),
  email: optionalText(
    z
      .string("must be text")
      .trim()
      .max(254, "must be at most 254 characters")
      .pipe(z.email("must be an email address, such as name@example.org"))
      .nullable(),
  ),
  website: z.string().optional(),
});

/** The longest address a tip may give. */
const MAX_LINK_LENGTH = 2000;

/**
 * A reader's tip, from the index of fact-checks: the claim they would like checked (`message`), where they
 * saw it (`link`, optional, http or https), their email (optional) and the field only robots fill in.
 */
export const readerTipSchema = readerMessageSchema.omit({ about: true }).extend({
  message: messageField("write the claim you would like us to check"),
  link: optionalText(
    z
      .string("must be text")
      .trim()
      .max(MAX_LINK_LENGTH, `must be at most ${MAX_LINK_LENGTH.toLocaleString("en")} characters`)
      .transform(withWebScheme)
      .refine(isSafeHttpUrl, "must be an http:// or https:// address, such as https://example.org/post")
      .nullable(),
  ),
});

/** An editor marking a message handled (with what they did, for colleagues) or new again. */
export const handlingSchema = z.discriminatedUnion("handled", [
  z.strictObject({
    handled: z.literal(true),
    note: optionalText(
      z.string("must be text").trim().max(MAX_HANDLED_NOTE_LENGTH, `must be at most ${MAX_HANDLED_NOTE_LENGTH.toLocaleString("en")} characters`).nullable(),
    ).optional(),
  }),
  z.strictObject({ handled: z.literal(false) }),
], { error: () => "must be true or false" });
