import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { isIP } from "node:net";
import type { Readable } from "node:stream";
import { createBrotliDecompress, createGunzip, createInflate } from "node:zlib";
import { Invalid, PayloadTooLarge } from "@/lib/errors";
import { guardedLookup, hostOf, PrivateDestination, refusalOf, type DestinationPolicy } from "@/lib/http/destination";
import { isSafeHttpUrl } from "@/lib/urls";

/** A page as the server received it: where it ended up (after redirects), its media type and charset, and its bytes. */
export type FetchedPage = { url: string; mediaType: string; charset: string | null; bytes: Uint8Array };

export type FetchOptions = {
  /** Which private addresses may be reached (see `lib/http/destination.ts`). */
  policy: DestinationPolicy;
  /** What the private-address refusal says to do (which variable allows one). */
  allowing: string;
  userAgent: string;
  timeoutMs: number;
  maxBytes: number;
  maxRedirects?: number;
};

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** Refusals name the field the address was typed in. */
const refused = (message: string, why: string) => new Invalid(message, { url: why });

/** What to do when the desk cannot have the page itself: the person's browser can. */
export const SAVE_INSTEAD = "Save the page from your browser (Save page as…, HTML only) and upload the file, or paste the article's text.";

/**
 * GETs the page at `url` as a browser would (redirects followed, compressed answers decompressed),
 * going only where `policy` allows: every address, the first and each redirect's, is checked as its
 * connection is made. The whole exchange has `timeoutMs` and the page (decompressed) `maxBytes`.
 * Node's own client rather than `fetch`, whose connections cannot be given a lookup.
 * @throws Invalid (field `url`) naming what went wrong and what to do; PayloadTooLarge over `maxBytes`.
 */
export async function fetchPage(url: string, options: FetchOptions): Promise<FetchedPage> {
  const deadline = Date.now() + options.timeoutMs;
  let current = new URL(url);
  for (let redirects = 0; ; redirects++) {
    const response = await get(current, options, deadline);
    const status = response.statusCode ?? 0;
    const location = response.headers.location;
    if (REDIRECTS.has(status) && typeof location === "string") {
      response.resume();
      if (redirects >= (options.maxRedirects ?? 5)) throw refused(`The page at ${current.host} redirects more than ${options.maxRedirects ?? 5} times: check the address.`, "redirects too many times");
      const next = new URL(location, current);
      if (!isSafeHttpUrl(next.href)) throw refused(`The page at ${current.host} redirects to an address that is not a web page (${next.protocol}).`, "redirects to an address that is not a web page");
      current = next;
      continue;
    }
    if (status < 200 || status > 299) {
      response.resume();
      throw statusRefusal(current, status);
    }
    const [mediaType = "", ...parameters] = (response.headers["content-type"] ?? "").split(";").map((part) => part.trim());
    const charset = parameters.find((parameter) => /^charset=/i.test(parameter))?.slice(8).replace(/^["']|["']$/g, "") || null;
    const bytes = await bodyOf(response, current, options, deadline);
    return { url: current.href, mediaType: mediaType.toLowerCase(), charset, bytes };
  }
}

/** The answer's head to a GET of `url`, within what is left of the time. */
function get(url: URL, options: FetchOptions, deadline: number): Promise<IncomingMessage> {
  const host = hostOf(url);
  const refusal = isIP(host) ? refusalOf(host, host, options.policy) : null;
  if (refusal) return Promise.reject(privateRefusal(refusal, options));
  const request = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise<IncomingMessage>((resolve, reject) => {
    const outgoing = request(url, {
      headers: {
        "User-Agent": options.userAgent,
        Accept: "text/html,application/xhtml+xml,text/plain;q=0.9,text/markdown;q=0.9,*/*;q=0.1",
        "Accept-Encoding": "gzip, deflate, br",
      },
      lookup: guardedLookup(options.policy),
      agent: false,
    });
    const timer = setTimeout(() => outgoing.destroy(timeoutRefusal(url, options)), Math.max(0, deadline - Date.now()));
    outgoing.on("response", (response) => {
      clearTimeout(timer);
      resolve(response);
    });
    outgoing.on("error", (error) => {
      clearTimeout(timer);
      reject(networkRefusal(url, error, options));
    });
    outgoing.end();
  });
}

/** The answer's body, decompressed, at most `maxBytes` of it, within what is left of the time. */
function bodyOf(response: IncomingMessage, url: URL, options: FetchOptions, deadline: number): Promise<Uint8Array> {
  const encoding = String(response.headers["content-encoding"] ?? "").trim().toLowerCase();
  const decompress = { gzip: createGunzip, "x-gzip": createGunzip, deflate: createInflate, br: createBrotliDecompress }[encoding];
  const body: Readable = decompress ? response.pipe(decompress()) : response;
  return new Promise<Uint8Array>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const fail = (error: Error) => {
      clearTimeout(timer);
      response.destroy();
      body.destroy();
      reject(error);
    };
    const timer = setTimeout(() => fail(timeoutRefusal(url, options)), Math.max(0, deadline - Date.now()));
    body.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > options.maxBytes) return fail(new PayloadTooLarge(`The page at ${url.host} is larger than ${options.maxBytes / 1024 / 1024} MB.`));
      chunks.push(chunk);
    });
    body.on("end", () => {
      clearTimeout(timer);
      resolve(new Uint8Array(Buffer.concat(chunks)));
    });
    body.on("error", () => fail(refused(`The page at ${url.host} arrived damaged (its compression could not be read): try again.`, "arrived damaged")));
    response.on("error", (error) => fail(networkRefusal(url, error, options)));
  });
}

function privateRefusal(refusal: string, options: FetchOptions): Invalid {
  return refused(`The desk fetches only public pages, and ${refusal}. ${options.allowing}`, `must be a public address: ${refusal}`);
}

function timeoutRefusal(url: URL, options: FetchOptions): Invalid {
  return refused(`${url.host} did not send the page within ${options.timeoutMs / 1000} seconds: try again later. ${SAVE_INSTEAD}`, "did not answer in time");
}

/** What a failed connection means for the person who typed the address. */
function networkRefusal(url: URL, error: Error & { code?: string }, options: FetchOptions): Error {
  if (error instanceof Invalid || error instanceof PayloadTooLarge) return error;
  if (error instanceof PrivateDestination) return privateRefusal(error.message, options);
  const code = error.code ?? "";
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return refused(`No site answers at ${url.host}: check the address.`, "no site answers at this address");
  if (/CERT|SSL|TLS|SELF_SIGNED/i.test(code)) {
    return refused(`The desk could not verify the certificate of ${url.host} (${code}), so it did not trust the page. ${SAVE_INSTEAD}`, "has a certificate the desk cannot verify");
  }
  return refused(`Could not reach ${url.host} (${code || error.message}): check the address, or try again later.`, "could not be reached");
}

/** What an answer other than a page means for the person who typed the address. */
function statusRefusal(url: URL, status: number): Invalid {
  if (status === 404 || status === 410) return refused(`There is no page at this address (${url.host} answered HTTP ${status}): check it.`, `was not found (HTTP ${status})`);
  if (status === 401 || status === 402 || status === 403 || status === 451) {
    return refused(`${url.host} would not send the page to the desk (HTTP ${status}): it may be for subscribers only, or turn robots away. ${SAVE_INSTEAD}`, `was refused (HTTP ${status})`);
  }
  if (status === 429) return refused(`${url.host} asks for fewer requests (HTTP 429): try again in a few minutes. ${SAVE_INSTEAD}`, "was refused for now (HTTP 429)");
  if (status >= 500) return refused(`${url.host} failed to send the page (HTTP ${status}): try again later. ${SAVE_INSTEAD}`, `failed (HTTP ${status})`);
  return refused(`${url.host} answered HTTP ${status} instead of the page. ${SAVE_INSTEAD}`, `answered HTTP ${status}`);
}
