import { Invalid } from "@/lib/errors";
import { readBoundedBody, readJsonBody } from "@/lib/http/body";
import { decodeImportFile } from "./content";
import { detectFormat, IMPORT_EXTENSIONS, MAX_IMPORT_BYTES } from "./formats";

/** A JSON import carries the content as a string: 5 MB of it, plus room for JSON escaping and the other fields. */
const MAX_JSON_BYTES = 6 * 1024 * 1024;

/** An upload is the file plus the multipart framing and the other fields, which are short. */
const MAX_FORM_BYTES = MAX_IMPORT_BYTES + 64 * 1024;

/** The form fields of a new article's import, besides the file. */
export const ARTICLE_DETAILS = ["title", "byline", "originalUrl", "publishedOn"] as const;

/**
 * The input of `importArticle` from a `POST /api/articles`: a JSON body as it is, or a multipart form
 * with the `file` to import (its format taken from its name) and the other `fields` (by default the article's details).
 */
export async function readImportRequest(request: Request, fields: readonly string[] = ARTICLE_DETAILS): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\b/i.test(type)) return readJsonBody(request, MAX_JSON_BYTES);
  const upload = await readBoundedBody(request, MAX_FORM_BYTES, `The upload is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`);
  const form = await new Response(upload, { headers: { "content-type": type } })
    .formData()
    .catch(() => {
      throw new Invalid("The upload is not a valid multipart form.", { body: "is not a valid multipart form" });
    });
  const file = form.get("file");
  if (!(file instanceof File)) throw new Invalid("Choose a file to import.", { file: "is required" });
  const content = decodeImportFile(new Uint8Array(await file.arrayBuffer()), { fileName: file.name });
  const format = detectFormat(file.name, content);
  if (!format) {
    const endings = Object.keys(IMPORT_EXTENSIONS).join(", ");
    throw new Invalid(`The file “${file.name}” is not one we can import: choose a ${endings} file.`, { file: `must be a ${endings} file` });
  }
  const details = Object.fromEntries(fields.map((name) => [name, form.get(name) ?? undefined]));
  return { ...details, format, content, fileName: file.name };
}
