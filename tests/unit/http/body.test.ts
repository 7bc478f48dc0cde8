import { describe, expect, it } from "vitest";
import { Invalid, PayloadTooLarge } from "@/lib/errors";
import { readJsonBody } from "@/lib/http/body";

const post = (body: BodyInit, headers: Record<string, string> = { "content-type": "application/json" }) =>
  new Request("http://localhost/api", { method: "POST", headers, body, duplex: "half" } as RequestInit);

function streamOf(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

describe("readJsonBody", () => {
  it("returns the parsed JSON", async () => {
    await expect(readJsonBody(post('{"verdict":"false","sources":[]}'))).resolves.toEqual({ verdict: "false", sources: [] });
  });

  it("accepts a JSON media type with parameters or a +json suffix", async () => {
    await expect(readJsonBody(post("[1]", { "content-type": "application/json; charset=utf-8" }))).resolves.toEqual([1]);
    await expect(readJsonBody(post("[2]", { "content-type": "application/merge-patch+json" }))).resolves.toEqual([2]);
  });

  it.each([
    ["a form", "application/x-www-form-urlencoded"],
    ["plain text", "text/plain"],
    ["a look-alike type", "application/jsonp"],
  ])("refuses %s as not JSON", async (_, type) => {
    const refusal = readJsonBody(post("{}", { "content-type": type }));
    await expect(refusal).rejects.toBeInstanceOf(Invalid);
    await expect(refusal).rejects.toMatchObject({ fields: { body: "must be JSON" } });
  });

  it("refuses a body without a content type", async () => {
    await expect(readJsonBody(post("{}", {}))).rejects.toBeInstanceOf(Invalid);
  });

  it("refuses a declared content length over the limit before reading", async () => {
    const request = post("{}", { "content-type": "application/json", "content-length": "2048" });
    await expect(readJsonBody(request, 1024)).rejects.toBeInstanceOf(PayloadTooLarge);
    expect(request.bodyUsed).toBe(false);
  });

  it("refuses a streamed body that grows over the limit without a content length", async () => {
    const request = post(streamOf(['{"explanation":"', "x".repeat(600), "x".repeat(600), '"}']));
    expect(request.headers.get("content-length")).toBeNull();
    const refusal = readJsonBody(request, 1024);
    await expect(refusal).rejects.toBeInstanceOf(PayloadTooLarge);
    await expect(refusal).rejects.toThrow("The body is larger than 1 KB.");
  });

  it("accepts a body of exactly the limit", async () => {
    const body = JSON.stringify({ explanation: "x".repeat(1024 - 18) });
    expect(body).toHaveLength(1024);
    await expect(readJsonBody(post(streamOf([body])), 1024)).resolves.toHaveProperty("explanation");
  });

  it.each([
    ["malformed JSON", '{"verdict": '],
    ["an empty body", ""],
  ])("refuses %s", async (_, body) => {
    await expect(readJsonBody(post(body))).rejects.toMatchObject({ name: "Invalid", fields: { body: "is not valid JSON" } });
  });
});
