import { describe, expect, it } from "vitest";
import { isSafeHttpUrl, withWebScheme } from "@/lib/urls";

describe("web addresses", () => {
  it("puts https:// before a host name typed without a scheme", () => {
    expect(withWebScheme(" www.example.org ")).toBe("https://www.example.org");
    expect(withWebScheme("example.org/report?page=2#top")).toBe("https://example.org/report?page=2#top");
    expect(withWebScheme("http://example.org")).toBe("http://example.org");
  });

  it("leaves what is not a host name for the check to refuse", () => {
    for (const typed of ["javascript:alert(1)", "javascript:alert(document.domain)//.example.org", "mailto:desk@example.org", "report", "two words.org", "//example.org"]) {
      expect(isSafeHttpUrl(withWebScheme(typed))).toBe(false);
    }
  });
});
