import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { request as httpsRequest } from "node:https";
import { isIP } from "node:net";
import { guardedLookup, hostOf, PrivateDestination, refusalOf, type DestinationPolicy } from "@/lib/http/destination";

/** What a receiver answered: its status, and where it redirected to if it did (redirects are not followed). */
export type Answer = { status: number; location: string | null };

/** The request took longer than its time. */
export class NoAnswer extends Error {
  override name = "NoAnswer";
}

/**
 * POSTs `body` to `url` and resolves with the answer's status once its head arrives, its body
 * discarded. The connection goes only where `policy` allows (the address is checked as the
 * connection is made: PrivateDestination otherwise); the whole request has `timeoutMs` (NoAnswer
 * after it). Node's own client rather than `fetch`, whose connections cannot be given a lookup.
 */
export function postTo(url: string, body: string, headers: Record<string, string>, options: { policy: DestinationPolicy; timeoutMs: number }): Promise<Answer> {
  const target = new URL(url);
  const host = hostOf(target);
  const refusal = isIP(host) ? refusalOf(host, host, options.policy) : null;
  if (refusal) return Promise.reject(new PrivateDestination(refusal));
  const request = target.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise<Answer>((resolve, reject) => {
    const outgoing = request(target, {
      method: "POST",
      headers: { ...headers, "Content-Length": String(Buffer.byteLength(body)) },
      lookup: guardedLookup(options.policy),
      // A new connection each time: a kept-alive one could outlive a change of the host's address.
      agent: false,
    });
    const timer = setTimeout(() => outgoing.destroy(new NoAnswer(`No answer within ${options.timeoutMs / 1000} s.`)), options.timeoutMs);
    outgoing.on("response", (response) => {
      clearTimeout(timer);
      response.resume();
      resolve({ status: response.statusCode ?? 0, location: locationOf(response.headers) });
    });
    outgoing.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    outgoing.end(body);
  });
}

const locationOf = (headers: IncomingHttpHeaders) => (typeof headers.location === "string" ? headers.location : null);
