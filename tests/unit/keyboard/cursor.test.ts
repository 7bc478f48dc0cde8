import { describe, expect, it } from "vitest";
import { moveCursor } from "@/lib/keyboard/cursor";

describe("moving the cursor through a list", () => {
  const items = ["a", "b", "c"];

  it("steps to the next and previous item", () => {
    expect(moveCursor(items, "a", 1)).toBe("b");
    expect(moveCursor(items, "c", -1)).toBe("b");
  });

  it("starts at the first item going forwards and the last going backwards", () => {
    expect(moveCursor(items, null, 1)).toBe("a");
    expect(moveCursor(items, null, -1)).toBe("c");
  });

  it("starts again from an end when the current item is no longer listed (filtered out, deleted)", () => {
    expect(moveCursor(items, "gone", 1)).toBe("a");
    expect(moveCursor(items, "gone", -1)).toBe("c");
  });

  it("stops at either end instead of wrapping", () => {
    expect(moveCursor(items, "c", 1)).toBe("c");
    expect(moveCursor(items, "a", -1)).toBe("a");
  });

  it("has nowhere to go in an empty list", () => {
    expect(moveCursor([], null, 1)).toBeNull();
  });
});
