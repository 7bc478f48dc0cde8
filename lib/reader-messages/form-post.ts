import { getDb } from "@/db/client";
import type { Database } from "@/db/database";
import { Invalid, NotFound, PayloadTooLarge, TooManyRequests } from "@/lib/errors";
import { readBoundedBody } from "@/lib/http/body";
import { errorResponse, json } from "@/lib/http/respond";
import { senderAddressOf, senderDigestOf } from "@/lib/http/sender";

/** A message's form is a few kilobytes at most; more is not a reader writing. */
const MAX_BODY_BYTES = 16 * 1024;

/**
 * Answers a reader's form (a message about a fact-check, or a tip): `receive` takes its fields and the
 * sender's digest. Sent by the page's script as JSON, it is answered in JSON: 200, or the error naming the
 * field. Sent without JavaScript as a plain form, it is answered by a 303 back to the page (`backTo` with
 * the query string), saying it was sent (`sent=1`) or what to change (`message-error=<field>`).
 */
export async function answerReaderForm(
  request: Request,
  receive: (db: Database, input: unknown, senderDigest: string) => Promise<{ received: true }>,
  backTo: (query: string) => string,
): Promise<Response> {
  const isForm = (request.headers.get("content-type") ?? "").startsWith("application/x-www-form-urlencoded");
  const back = (query: string) => new Response(null, { status: 303, headers: { Location: backTo(query) } });
  try {
    const text = new TextDecoder().decode(await readBoundedBody(request, MAX_BODY_BYTES, "The message is too long: at most 2,000 characters."));
    const input = isForm ? Object.fromEntries(new URLSearchParams(text)) : parseJson(text);
    const db = await getDb();
    const received = await receive(db, input, await senderDigestOf(db, senderAddressOf(request.headers)));
    return isForm ? back("sent=1") : json(received);
  } catch (error) {
    if (isForm) {
      if (error instanceof Invalid) return back(new URLSearchParams({ "message-error": Object.keys(error.fields)[0] ?? "message" }).toString());
      if (error instanceof PayloadTooLarge) return back("message-error=message");
      if (error instanceof TooManyRequests) return back("message-error=too-many");
      // The page went down meanwhile: the browser gets the page's own answer, "not found".
      if (error instanceof NotFound) return back("");
    }
    return errorResponse(error);
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new Invalid("The body is not valid JSON.", { body: "is not valid JSON" });
  }
}
