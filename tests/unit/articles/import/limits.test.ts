import { describe, expect, it } from "vitest";
import { convertImport, decodeImportFile, detectFormat, MAX_IMPORT_BYTES } from "@/lib/articles/import";
import { Invalid, PayloadTooLarge } from "@/lib/errors";

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("did not throw");
}

describe("import refusals", () => {
  it("refuses pasted text over 5 MB of UTF-8 as too large", () => {
    const error = thrown(() => convertImport({ format: "text", content: "é".repeat(MAX_IMPORT_BYTES / 2 + 1) }));
    expect(error).toBeInstanceOf(PayloadTooLarge);
    expect((error as Error).message).toBe("The pasted text is larger than 5 MB.");
  });

  it("refuses a file over 5 MB before decoding it", () => {
    expect(thrown(() => decodeImportFile(new Uint8Array(MAX_IMPORT_BYTES + 1), { fileName: "big.txt" }))).toBeInstanceOf(PayloadTooLarge);
  });

  it("refuses an empty file, naming the file field", () => {
    const error = thrown(() => decodeImportFile(new Uint8Array(), { fileName: "empty.md" })) as Invalid;
    expect(error).toBeInstanceOf(Invalid);
    expect(error.message).toBe("The file “empty.md” is empty.");
    expect(error.fields).toEqual({ file: "is empty" });
  });

  it.each([
    ["with NUL bytes", Uint8Array.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x41, 0x42])],
    ["of random bytes", Uint8Array.from({ length: 4096 }, (_, index) => (index * 7919 + 13) % 256)],
  ])("refuses a file %s as binary", (_, bytes) => {
    const error = thrown(() => decodeImportFile(bytes, { fileName: "photo.txt" })) as Invalid;
    expect(error).toBeInstanceOf(Invalid);
    expect(error.message).toMatch(/^The file “photo.txt” looks like a binary file/);
    expect(error.fields).toEqual({ file: "looks like a binary file" });
  });

  it("refuses pasted text full of control characters as binary, naming the content field", () => {
    const error = thrown(() => convertImport({ format: "text", content: "text\u0001\u0002\u0003\u0004 more" })) as Invalid;
    expect(error.fields).toEqual({ content: "looks like a binary file" });
  });

  it.each([
    ["text", "  \n\t\n  "],
    ["markdown", "---\n\n![](https://example.org/a.png)\n\n   "],
    ["html", "<html><head><title>Only a title</title></head><body><script>x()</script><img src=x></body></html>"],
  ] as const)("refuses %s without any text", (format, content) => {
    const error = thrown(() => convertImport({ format, content })) as Invalid;
    expect(error).toBeInstanceOf(Invalid);
    expect(error.message).toBe("The pasted text has no text to import.");
  });

  it("reads UTF-8 without its byte-order mark, and falls back to Windows-1252 for older files", () => {
    expect(decodeImportFile(Uint8Array.from([0xef, 0xbb, 0xbf, 0x43, 0x61, 0x66, 0xc3, 0xa9]), { fileName: "a.txt" })).toBe("Café");
    expect(decodeImportFile(Uint8Array.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x80, 0x35, 0x20, 0x93, 0x71, 0x94]), { fileName: "a.txt" })).toBe("Café €5 “q”");
  });
});

describe("detectFormat", () => {
  it.each([
    ["notes.txt", "text"],
    ["Story.MD", "markdown"],
    ["story.markdown", "markdown"],
    ["page.html", "html"],
    ["C:\\Users\\ed\\page.htm", "html"],
    ["report.pdf", null],
    ["archive.tar.gz", null],
  ] as const)("reads %s as %s", (name, format) => {
    expect(detectFormat(name, "")).toBe(format);
  });

  it("sniffs a name without an ending: HTML when it starts like a page, plain text otherwise", () => {
    expect(detectFormat("page", "\n<!DOCTYPE html><html>")).toBe("html");
    expect(detectFormat("README", "# Title")).toBe("text");
  });
});

describe("titles", () => {
  it("cuts a long first line at a word boundary to at most 300 characters", () => {
    const { title } = convertImport({ format: "text", content: `${"word ".repeat(100)}\nrest` });
    expect(title.length).toBeLessThanOrEqual(300);
    expect(title).toMatch(/word…$/);
  });

  it("makes one paragraph per non-empty line of plain text and takes the first as the title", () => {
    const { doc, title } = convertImport({ format: "text", content: "\r\n  Headline \r\n\r\nBody line.\n" });
    expect(title).toBe("Headline");
    expect(doc.content.content.map((block) => block.textContent)).toEqual(["Headline", "Body line."]);
  });
});
