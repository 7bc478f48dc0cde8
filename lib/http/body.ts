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
  const tooLarge = () => new PayloadTooLarge(`The body is larger than ${Math.round(maxBytes / 1024)} KB.`);
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge();
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
        throw tooLarge();
      }
      chunks.push(value);
    }
  }
  const text = new TextDecoder().decode(Buffer.concat(chunks));
  try {
    return JSON.parse(text);
  } catch {
    throw new Invalid("The body is not valid JSON.", { body: "is not valid JSON" });
  }
}
