import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { base32Decode, base32Encode, matchingTotpStep, newTotpSecret, totpCode, totpStepOf } from "@/lib/users/totp";

// RFC 6238, appendix B: the SHA-1 key "12345678901234567890", 8-digit codes.
const RFC_KEY = base32Encode(Buffer.from("12345678901234567890"));
const RFC_VECTORS: [number, string][] = [
  [59, "94287082"],
  [1111111109, "07081804"],
  [1111111111, "14050471"],
  [1234567890, "89005924"],
  [2000000000, "69279037"],
  [20000000000, "65353130"],
];

describe("one-time codes (RFC 6238)", () => {
  it("gives the RFC's test codes, and their last six digits as authenticator apps show them", () => {
    expect(RFC_KEY).toBe("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    for (const [seconds, code] of RFC_VECTORS) {
      const step = totpStepOf(new Date(seconds * 1000));
      expect(totpCode(RFC_KEY, step, 8)).toBe(code);
      expect(totpCode(RFC_KEY, step)).toBe(code.slice(2));
    }
  });

  it("accepts the code of the moment and of one step either side, no further, and only six digits", () => {
    const at = new Date(1111111111 * 1000);
    const step = totpStepOf(at);
    expect(matchingTotpStep(RFC_KEY, "050471", at)).toBe(step);
    expect(matchingTotpStep(RFC_KEY, totpCode(RFC_KEY, step - 1), at)).toBe(step - 1);
    expect(matchingTotpStep(RFC_KEY, totpCode(RFC_KEY, step + 1), at)).toBe(step + 1);
    expect(matchingTotpStep(RFC_KEY, totpCode(RFC_KEY, step + 2), at)).toBeNull();
    expect(matchingTotpStep(RFC_KEY, "14050471", at)).toBeNull();
    expect(matchingTotpStep(RFC_KEY, "05047", at)).toBeNull();
  });

  it("makes 160-bit keys, and reads base32 back whatever its case and spacing", () => {
    const key = newTotpSecret();
    expect(key).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Decode(key)).toHaveLength(20);
    expect(newTotpSecret()).not.toBe(key);
    expect(base32Decode("gezd gnbv gy3t qojq")).toEqual(Buffer.from("1234567890"));
    expect(base32Decode("not base32!")).toBeNull();
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 64 }), (bytes) => {
        expect(base32Decode(base32Encode(bytes))).toEqual(Buffer.from(bytes));
      }),
    );
  });
});
