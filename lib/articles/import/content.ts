import { Invalid, PayloadTooLarge } from "@/lib/errors";
import { MAX_IMPORT_BYTES } from "./formats";

/** Where imported content came from, so refusals can name it and the form can show them at the right field. */
export type ImportOrigin = { fileName?: string; pageHost?: string };

/**
 * Share of control or replacement characters above which content is refused as binary.
 * Real text has next to none (tabs and line breaks do not count); compressed or image data decoded
 * as text has about one in ten. 1% leaves room for a few stray characters in a messy paste.
 */
const BINARY_RATIO = 0.01;

const SUSPICIOUS = /[\u0000-\u0008\u000B\u000E-\u001F\u007F\uFFFD]/g;

function field(origin: ImportOrigin): string {
  if (origin.pageHost !== undefined) return "url";
  return origin.fileName === undefined ? "content" : "file";
}

function subject(origin: ImportOrigin): string {
  if (origin.pageHost !== undefined) return `The page at ${origin.pageHost}`;
  return origin.fileName === undefined ? "The pasted text" : `The file “${origin.fileName}”`;
}

/** Refuses content over the size limit (`PayloadTooLarge`) and content that looks binary (`Invalid`). */
export function assertImportable(content: string, origin: ImportOrigin): void {
  if (Buffer.byteLength(content, "utf8") > MAX_IMPORT_BYTES) {
    throw new PayloadTooLarge(`${subject(origin)} is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`);
  }
  const suspicious = content.match(SUSPICIOUS)?.length ?? 0;
  if (content.includes("\u0000") || suspicious > content.length * BINARY_RATIO) {
    throw new Invalid(`${subject(origin)} looks like a binary file, not text: import a .txt, .md or .html file.`, {
      [field(origin)]: "looks like a binary file",
    });
  }
}

/** Refuses a converted document without any text. */
export function assertHasText(text: string, origin: ImportOrigin): void {
  if (text.trim().length === 0) {
    throw new Invalid(`${subject(origin)} has no text to import.`, { [field(origin)]: "has no text" });
  }
}

/**
 * The text of an uploaded file: UTF-8 (without its byte-order mark) when it is valid UTF-8, otherwise
 * Windows-1252, the usual encoding of older text files, which decodes any bytes. Refuses an empty,
 * oversized or binary file.
 */
export function decodeImportFile(bytes: Uint8Array, origin: { fileName: string }): string {
  if (bytes.byteLength === 0) {
    throw new Invalid(`${subject(origin)} is empty.`, { file: "is empty" });
  }
  if (bytes.byteLength > MAX_IMPORT_BYTES) {
    throw new PayloadTooLarge(`${subject(origin)} is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`);
  }
  let content: string;
  try {
    content = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    content = decodeWindows1252(bytes);
  }
  assertImportable(content, origin);
  return content;
}

/** What Windows-1252 puts at 0x80 to 0x9F, where ISO-8859-1 has control characters (0x81, 0x8D, 0x8F, 0x90, 0x9D are unused). */
const WINDOWS_1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";

/** Decoded by hand: Node's TextDecoder reads "windows-1252" as ISO-8859-1. Every byte is a character, so this never fails. */
export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let start = 0; start < bytes.length; start += 8192) {
    const codes = Array.from(bytes.subarray(start, start + 8192), (byte) => (byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_HIGH.charCodeAt(byte - 0x80) : byte));
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join("");
}
