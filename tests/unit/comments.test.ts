import { describe, expect, it } from "vitest";
import { insertMention, mentionAt } from "@/lib/comments/mention-query";
import { bodyParts, threadsOf, type CommentRecord } from "@/lib/comments/record";

describe("mentions", () => {
  it("finds the mention being typed at the caret", () => {
    expect(mentionAt("Could @Ri", 9)).toEqual({ start: 6, query: "Ri" });
    expect(mentionAt("@", 1)).toEqual({ start: 0, query: "" });
    expect(mentionAt("Could @Rita Rev", 15)).toEqual({ start: 6, query: "Rita Rev" });
    expect(mentionAt("mail me at ed@example.com", 25)).toBeNull();
    expect(mentionAt("@Rita\nnext line", 15)).toBeNull();
    expect(mentionAt("no mention here", 15)).toBeNull();
  });

  it("replaces the typed mention by the picked name and puts the caret after it", () => {
    expect(insertMention("Could @Ri check?", 6, 9, "Rita Reviewer")).toEqual({ text: "Could @Rita Reviewer  check?", caret: 21 });
  });

  it("cuts a body into text and mentions of the mentioned people only, never markup", () => {
    const rita = { id: "1", name: "Rita Reviewer" };
    expect(bodyParts("Ask @Rita Reviewer, not @Rory <b>now</b>", [rita])).toEqual([
      { text: "Ask " },
      { mention: rita },
      { text: ", not @Rory <b>now</b>" },
    ]);
  });
});

describe("threads", () => {
  const comment = (id: string, parentId: string | null): CommentRecord => ({
    id,
    annotationId: "a",
    parentId,
    author: { id: "u", name: "U" },
    body: id,
    mentions: [],
    createdAt: "2026-01-01T00:00:00Z",
    editedAt: null,
    deleted: false,
    resolution: null,
  });

  it("groups replies under the comment that started their thread, in order", () => {
    const threads = threadsOf([comment("a", null), comment("b", null), comment("a1", "a"), comment("a2", "a")]);
    expect(threads.map((t) => [t.id, t.replies.map((r) => r.id)])).toEqual([
      ["a", ["a1", "a2"]],
      ["b", []],
    ]);
  });
});
