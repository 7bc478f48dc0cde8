import { describe, expect, it, vi } from "vitest";
import { Conflict, Forbidden, Invalid, NotFound, PayloadTooLarge, Unauthenticated } from "@/lib/errors";
import { errorResponse, json } from "@/lib/http/respond";

describe("errorResponse", () => {
  it.each([
    [new Unauthenticated(), 401],
    [new Forbidden("Only editors can review annotations."), 403],
    [new NotFound("No article with id x."), 404],
    [new Conflict("Someone changed this annotation."), 409],
    [new PayloadTooLarge("The body is larger than 512 KB."), 413],
  ])("answers %s with %i and its message", async (error, status) => {
    const response = errorResponse(error);
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual({ error: error.message });
  });

  it("answers Invalid with 400, its message and the failing fields", async () => {
    const response = errorResponse(new Invalid("Invalid input: sources.0.url: is required", { "sources.0.url": "is required" }));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: "Invalid input: sources.0.url: is required",
      fields: { "sources.0.url": "is required" },
    });
  });

  it("answers any other error with 500 without revealing it, and logs it", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const failure = new Error("connection string postgres://secret@db");
      const response = errorResponse(failure);
      expect(response.status).toBe(500);
      expect(JSON.stringify(await response.json())).not.toMatch(/secret/);
      expect(log).toHaveBeenCalledWith(failure);
    } finally {
      log.mockRestore();
    }
  });

  it("sends JSON that is never cached", () => {
    const response = errorResponse(new NotFound("gone"));
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-store");
  });
});

describe("json", () => {
  it("keeps a Cache-Control the caller sets", () => {
    expect(json({}, { headers: { "Cache-Control": "private, max-age=5" } }).headers.get("cache-control")).toBe("private, max-age=5");
  });
});
