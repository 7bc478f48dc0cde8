import { describe, expect, it } from "vitest";
import { newsroomConfig } from "@/lib/newsroom/config";

describe("newsroomConfig", () => {
  it("defaults to the desk's name, no URL, reviewers hidden, and the local origin", () => {
    expect(newsroomConfig({})).toEqual({ name: "Fact-check desk", url: null, showReviewers: false, appUrl: "http://localhost:3000" });
  });

  it("reads the newsroom's identity and the public origin", () => {
    expect(
      newsroomConfig({ NEWSROOM_NAME: "The Daily Check", NEWSROOM_URL: "https://check.example", PUBLIC_SHOW_REVIEWERS: "true", NEXTAUTH_URL: "https://desk.example/" }),
    ).toEqual({ name: "The Daily Check", url: "https://check.example", showReviewers: true, appUrl: "https://desk.example" });
  });

  it.each([
    [{ NEWSROOM_URL: "javascript:alert(1)" }, /NEWSROOM_URL/],
    [{ PUBLIC_SHOW_REVIEWERS: "yes" }, /PUBLIC_SHOW_REVIEWERS/],
  ])("refuses %j, naming the variable", (environment, message) => {
    expect(() => newsroomConfig(environment)).toThrow(message);
  });
});
