import { z } from "zod";

/** What an import can be: typed or pasted plain text, Markdown, or an HTML page. */
export const IMPORT_FORMATS = ["text", "markdown", "html"] as const;

export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const importFormatSchema = z.enum(IMPORT_FORMATS, { error: () => `must be one of ${IMPORT_FORMATS.join(", ")}` });

/** The largest file or pasted text an import takes, in bytes of UTF-8. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/** File name endings the upload accepts, and the format each is read as. */
export const IMPORT_EXTENSIONS: Record<string, ImportFormat> = {
  ".txt": "text",
  ".md": "markdown",
  ".markdown": "markdown",
  ".html": "html",
  ".htm": "html",
};

/**
 * The format of an uploaded file, from its name's ending; `null` when the ending is not one we read.
 * A name without any ending is sniffed: content starting like an HTML page is HTML, anything else plain text.
 */
export function detectFormat(fileName: string, content: string): ImportFormat | null {
  const base = fileName.trim().toLowerCase().split(/[\\/]/).pop() ?? "";
  const dot = base.lastIndexOf(".");
  if (dot > 0) return IMPORT_EXTENSIONS[base.slice(dot)] ?? null;
  return /^\s*<(?:!doctype\s+html|html)\b/i.test(content.slice(0, 1024)) ? "html" : "text";
}
