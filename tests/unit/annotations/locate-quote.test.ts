import { describe, expect, it } from "vitest";
import { locateQuote } from "@/lib/annotations/locate-quote";
import { Invalid } from "@/lib/errors";

const text = [
  "Officials said the mines would be used only on Ukrainian territory.",
  "The mines are non-persistent and deactivate after a set period.",
  "Critics said the decision reverses a long-standing policy.",
].join("\n");

const quote = (exact: string, context: { prefix?: string; suffix?: string } = {}) =>
  ({ type: "TextQuoteSelector", exact, ...context }) as const;
const position = (start: number, end: number) => ({ type: "TextPositionSelector", start, end }) as const;

function refusal(run: () => unknown): Invalid {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(Invalid);
    return error as Invalid;
  }
  throw new Error("expected locateQuote to refuse");
}

describe("locateQuote", () => {
  const start = text.indexOf("non-persistent");
  const end = start + "non-persistent".length;

  it("accepts a quote found at its TextPositionSelector and returns normalized selectors", () => {
    const [located, at] = locateQuote(text, [quote("non-persistent", { prefix: "are " }), position(start, end)]);
    expect(at).toEqual(position(start, end));
    expect(located.exact).toBe("non-persistent");
    expect(located.prefix).toBe(text.slice(start - 32, start));
    expect(located.suffix).toBe(text.slice(end, end + 32));
  });

  it("refuses a quote that differs from the text at its position", () => {
    const error = refusal(() => locateQuote(text, [quote("persistent"), position(start, end)]));
    expect(error.message).toMatch(/does not match the article's text/);
    expect(error.fields).toHaveProperty("selectors");
  });

  it("refuses a prefix that does not match the text before the quote", () => {
    const error = refusal(() => locateQuote(text, [quote("non-persistent", { prefix: "were " }), position(start, end)]));
    expect(error.message).toMatch(/prefix or suffix/);
  });

  it("refuses a suffix that does not match the text after the quote", () => {
    const error = refusal(() => locateQuote(text, [quote("non-persistent", { suffix: " forever" }), position(start, end)]));
    expect(error.message).toMatch(/prefix or suffix/);
  });

  it("finds a quote without a position when it occurs once", () => {
    const [, at] = locateQuote(text, [quote("long-standing policy")]);
    const found = text.indexOf("long-standing policy");
    expect(at).toEqual(position(found, found + "long-standing policy".length));
  });

  it("uses the prefix to tell apart occurrences of a quote without a position", () => {
    const [, at] = locateQuote(text, [quote("mines", { prefix: "The " })]);
    expect(at.start).toBe(text.indexOf("The mines") + 4);
  });

  it("refuses an ambiguous quote and says how often it occurs", () => {
    const error = refusal(() => locateQuote(text, [quote("said")]));
    expect(error.message).toMatch(/occurs 2 times/);
  });

  it("refuses a quote that does not occur in the text", () => {
    expect(refusal(() => locateQuote(text, [quote("anti-tank")])).message).toMatch(/does not occur/);
  });

  it("refuses a quote of white space only", () => {
    expect(refusal(() => locateQuote(text, [quote(" \n\t ")])).message).toMatch(/more than white space/);
  });

  it.each([
    ["past the end of the text", text.length - 2, text.length + 3],
    ["empty", 10, 10],
    ["reversed", 12, 10],
  ])("refuses a position %s", (_, from, to) => {
    expect(refusal(() => locateQuote(text, [quote("x"), position(from, to)])).message).toMatch(/outside the article's text/);
  });

  it("refuses selectors without a TextQuoteSelector", () => {
    expect(refusal(() => locateQuote(text, [position(start, end)])).message).toMatch(/needs a TextQuoteSelector/);
  });
});
