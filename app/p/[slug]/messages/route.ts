import { getDb } from "@/db/client";
import { Invalid, NotFound, PayloadTooLarge, TooManyRequests } from "@/lib/errors";
import { readBoundedBody } from "@/lib/http/body";
import { errorResponse, json } from "@/lib/http/respond";
import { receiveReaderMessage } from "@/lib/reader-messages/receive";
import { senderAddressOf, senderDigestOf } from "@/lib/reader-messages/sender";
import { publicPageUrl } from "@/lib/publishing/claim-review";
import { newsroomConfig } from "@/lib/newsroom/config";

/** A message's form is a few kilobytes at most; more is not a reader writing. */
const MAX_BODY_BYTES = 16 * 1024;

type Params = { params: Promise<{ slug: string }> };

/**
 * A reader's message to the desk about the fact-check at /p/<slug>. The page's form posts here: with
 * JavaScript as JSON (the answer is JSON: 200, or the error naming the field), without it as a plain
 * form, answered by a redirect back to the page saying it was sent, or what to change.
 */
export async function POST(request: Request, { params }: Params): Promise<Response> {
  const { slug } = await params;
  const isForm = (request.headers.get("content-type") ?? "").startsWith("application/x-www-form-urlencoded");
  try {
    const bytes = await readBoundedBody(request, MAX_BODY_BYTES, "The message is too long: at most 2,000 characters.");
    const text = new TextDecoder().decode(bytes);
    const input = isForm ? Object.fromEntries(new URLSearchParams(text)) : parseJson(text);
    const db = await getDb();
    const received = await receiveReaderMessage(db, slug, input, await senderDigestOf(db, senderAddressOf(request.headers)));
    return isForm ? backToPage(slug, "sent=1") : json(received);
  } catch (error) {
    if (isForm) {
      if (error instanceof Invalid) return backToPage(slug, new URLSearchParams({ "message-error": Object.keys(error.fields)[0] ?? "message" }).toString());
      if (error instanceof PayloadTooLarge) return backToPage(slug, "message-error=message");
      if (error instanceof TooManyRequests) return backToPage(slug, "message-error=too-many");
      // The page went down meanwhile: the browser gets the page's own answer, "not found".
      if (error instanceof NotFound) return backToPage(slug, "");
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

/** 303: the browser fetches the page again, at its form. */
const backToPage = (slug: string, query: string) =>
  new Response(null, { status: 303, headers: { Location: `${publicPageUrl(newsroomConfig().appUrl, slug)}${query && `?${query}`}#tell-us` } });
