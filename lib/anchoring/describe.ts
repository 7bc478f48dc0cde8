import { CONTEXT_LENGTH, type TextPositionSelector, type TextQuoteSelector } from "./selectors";

/**
 * The W3C selectors of `text.slice(start, end)`: its quote with up to 32 characters of context
 * either side, and its position. Offsets are UTF-16 code units of `text`.
 */
export function describe(text: string, start: number, end: number): [TextQuoteSelector, TextPositionSelector] {
  if (!(0 <= start && start < end && end <= text.length)) {
    throw new RangeError(`describe: span [${start}, ${end}) is not inside a text of length ${text.length}`);
  }
  return [
    {
      type: "TextQuoteSelector",
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
      suffix: text.slice(end, end + CONTEXT_LENGTH),
    },
    { type: "TextPositionSelector", start, end },
  ];
}
