import { Invalid, PayloadTooLarge } from "@/lib/errors";

/** The largest JSON body any endpoint takes. */
export const MAX_JSON_BODY_BYTES = 512 * 1024;

/**
 * The request's JSON body, refusing a body over `maxBytes` (413) before reading it all,
 * a content type other than JSON and malformed JSON (400).
 */
export async function readJsonBody(request: Request, maxBytes = MAX_JSON_BODY_BYTES): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(type)) {
    throw new Invalid("The body must be JSON: send the header Content-Type: application/json.", {
      body: "must be JSON",
    });
  }
  const bytes = await readBoundedBody(request, maxBytes, `The body is larger than ${Math.round(maxBytes / 1024)} KB.`);
  const text = new TextDecoder().decode(bytes);
  try {
    return JSON.parse(text);
  } catch {
    throw new Invalid("The body is not valid JSON.", { body: "is not valid JSON" });
  }
}

/**
 * The request's body as bytes, refusing more than `maxBytes` (413 with `message`) from its declared
 * length, or while reading it, before it is all in memory.
 */
export async function readBoundedBody(request: Request, maxBytes: number, message: string): Promise<Uint8Array<ArrayBuffer>> {
  if (Number(request.headers.get("content-length") ?? "0") > maxBytes) throw new PayloadTooLarge(message);
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        throw new PayloadTooLarge(message);
      }
      chunks.push(value);
    }
  }
  return new Uint8Array(Buffer.concat(chunks));
}
