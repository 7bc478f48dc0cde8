import { describe, expect, it } from "vitest";
import { newsroomConfig } from "@/lib/newsroom/config";

describe("newsroomConfig", () => {
  it("defaults to the desk's name, no URL, reviewers hidden, UTC and the local origin", () => {
    expect(newsroomConfig({})).toEqual({ name: "Fact-check desk", url: null, showReviewers: false, timeZone: "UTC", appUrl: "http://localhost:3000" });
  });

  it("reads the newsroom's identity and the public origin", () => {
    expect(
      newsroomConfig({
        NEWSROOM_NAME: "The Daily Check",
        NEWSROOM_URL: "https://check.example",
        PUBLIC_SHOW_REVIEWERS: "true",
        NEWSROOM_TIME_ZONE: "America/New_York",
        NEXTAUTH_URL: "https://desk.example/",
      }),
    ).toEqual({ name: "The Daily Check", url: "https://check.example", showReviewers: true, timeZone: "America/New_York", appUrl: "https://desk.example" });
  });

  it("takes a time zone by its IANA name, its spaces trimmed, and none as UTC", () => {
    expect(newsroomConfig({ NEWSROOM_TIME_ZONE: " Europe/Kyiv " }).timeZone).toBe("Europe/Kyiv");
    expect(newsroomConfig({ NEWSROOM_TIME_ZONE: "" }).timeZone).toBe("UTC");
  });

  it.each([
    [{ NEWSROOM_URL: "javascript:alert(1)" }, /NEWSROOM_URL/],
    [{ PUBLIC_SHOW_REVIEWERS: "yes" }, /PUBLIC_SHOW_REVIEWERS/],
    [{ NEWSROOM_TIME_ZONE: "Eastern" }, /NEWSROOM_TIME_ZONE must be a time zone such as "America\/New_York"/],
  ])("refuses %j, naming the variable", (environment, message) => {
    expect(() => newsroomConfig(environment)).toThrow(message);
  });
});
