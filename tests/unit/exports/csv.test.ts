import { describe, expect, it } from "vitest";
import { csvCell, csvOf } from "@/lib/exports/csv";

describe("csvCell", () => {
  it.each(["=SUM(A1:A9)", "+1", "-1+1", "@cmd", "\tx", "\rx"])("neutralises %j, which a spreadsheet would read as a formula", (value) => {
    expect(csvCell(value).replace(/^"|"$/g, "")).toBe(`'${value}`);
  });

  it("leaves ordinary text alone, formula characters inside a cell included", () => {
    expect(csvCell("The council spent 4.2 million = too much")).toBe("The council spent 4.2 million = too much");
  });

  it("quotes cells with commas, quotes or line breaks, doubling the quotes", () => {
    expect(csvCell('He said "no", twice')).toBe('"He said ""no"", twice"');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
  });
});

describe("csvOf", () => {
  it("ends every line with CRLF", () => {
    expect(csvOf([["a", "b"], ["c", "d,e"]])).toBe('a,b\r\nc,"d,e"\r\n');
  });
});
