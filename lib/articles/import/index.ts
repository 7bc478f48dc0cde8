import type { Node } from "prosemirror-model";
import { documentFromPlainText, plainTextOf } from "@/lib/articles/document";
import { assertHasText, assertImportable, type ImportOrigin } from "./content";
import type { ImportFormat } from "./formats";
import { documentFromHtml } from "./html";
import { documentFromMarkdown } from "./markdown";
import { titleFrom } from "./title";

export { decodeImportFile } from "./content";
export { detectFormat, MAX_IMPORT_BYTES, type ImportFormat } from "./formats";

/** Text to import, in one of the import formats; `fileName` when it came from a file, for error messages. */
export type ImportSource = { format: ImportFormat; content: string } & ImportOrigin;

/** An imported document of the article schema and the title found in it. */
export type ImportedDocument = { doc: Node; title: string };

/**
 * Converts imported text to a document of the article schema, and finds its title: the first h1 or
 * else the page's <title> in HTML, the first heading in Markdown, and otherwise the first line.
 * Refuses oversized content (`PayloadTooLarge`), binary content and content without text (`Invalid`).
 */
export function convertImport(source: ImportSource): ImportedDocument {
  assertImportable(source.content, source);
  const { doc, candidates } = convert(source);
  const plainText = plainTextOf(doc);
  assertHasText(plainText, source);
  const firstLine = plainText.split("\n").find((line) => line.trim());
  return { doc, title: titleFrom([...candidates, firstLine])! };
}

/** The document of imported text, as `convertImport` makes it. */
export function documentFromImport(source: ImportSource): Node {
  return convertImport(source).doc;
}

function convert({ format, content }: ImportSource): { doc: Node; candidates: (string | null)[] } {
  switch (format) {
    case "text":
      return { doc: documentFromPlainText(content), candidates: [] };
    case "markdown": {
      const { doc, firstHeading } = documentFromMarkdown(content);
      return { doc, candidates: [firstHeading] };
    }
    case "html": {
      const { doc, firstH1, pageTitle } = documentFromHtml(content);
      return { doc, candidates: [firstH1, pageTitle] };
    }
  }
}
