import { describe, expect, it } from "vitest";
import { atomFeed } from "@/lib/publishing/atom-feed";
import { describeTally, type FeedClaim, type PublishedFactCheck } from "@/lib/publishing/public-index";

const newsroom = { name: "The Daily Check", url: "https://check.example", showReviewers: false, timeZone: "UTC", appUrl: "https://desk.example" };
const now = new Date("2026-11-30T12:00:00.000Z");

const factCheck = (overrides: Partial<PublishedFactCheck & { claims: FeedClaim[] }> = {}): PublishedFactCheck & { claims: FeedClaim[] } => ({
  id: "22222222-2222-4222-8222-222222222222",
  slug: "city-budget",
  title: "City budget under scrutiny",
  byline: null,
  publishedOn: null,
  publishedAt: "2026-11-21T08:00:00.000Z",
  summary: null,
  topics: [],
  updatedAt: null,
  correctedAt: null,
  verdicts: [{ verdict: "mostly_true", count: 1 }],
  claims: [{ id: "c1", quote: "The council spent 4.2 million euros", claimant: null, verdict: "mostly_true", explanation: "The report says 4.19 million." }],
  ...overrides,
});

/** The text between `<tag…>` and `</tag>`, each time it occurs. */
const elements = (feed: string, tag: string) => [...feed.matchAll(new RegExp(`<${tag}(?: [^>]*)?>([\\s\\S]*?)</${tag}>`, "g"))].map((match) => match[1]);

describe("atomFeed", () => {
  it("gives an entry the editors' summary, a paragraph a line, before the tally", () => {
    const feed = atomFeed(newsroom, [factCheck({ summary: "The council spent less than it said.\n\nThe <b>audit</b> is due in May." })], now);
    expect(elements(feed, "summary")[0]).toBe("The council spent less than it said.\n\nThe &lt;b&gt;audit&lt;/b&gt; is due in May.");
    expect(elements(feed, "content")[0]).toMatch(
      /^&lt;p&gt;The council spent less than it said\.&lt;\/p&gt;&lt;p&gt;The &amp;lt;b&amp;gt;audit&amp;lt;\/b&amp;gt; is due in May\.&lt;\/p&gt;&lt;p&gt;1 claim checked: 1 mostly true\.&lt;\/p&gt;/,
    );
  });

  it("is a topic's own feed when given one: its title, its id and its links are the topic's", () => {
    const feed = atomFeed(newsroom, [factCheck({ topics: ["Public health"] })], now, "Public health");
    expect(elements(feed, "title")[0]).toBe("Fact-checks on Public health by The Daily Check");
    expect(elements(feed, "id")[0]).toBe("https://desk.example/p?topic=Public%20health");
    expect(feed).toContain('<link rel="self" type="application/atom+xml" href="https://desk.example/p/feed.xml?topic=Public%20health"/>');
    expect(feed).toContain('<link rel="alternate" type="text/html" href="https://desk.example/p?topic=Public%20health"/>');
  });

  it("lists each fact-check as an entry whose id and link are its public page, with its dates and claims", () => {
    const feed = atomFeed(newsroom, [factCheck({ updatedAt: "2026-11-25T09:30:00.000Z" }), factCheck({ id: "3", slug: "older", title: "Older", publishedAt: "2026-11-01T08:00:00.000Z" })], now);
    expect(feed.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">')).toBe(true);
    expect(elements(feed, "id")).toEqual(["https://desk.example/p", "https://desk.example/p/city-budget", "https://desk.example/p/older"]);
    expect(feed).toContain('<link rel="self" type="application/atom+xml" href="https://desk.example/p/feed.xml"/>');
    expect(feed).toContain('<link rel="alternate" type="text/html" href="https://desk.example/p/city-budget"/>');
    expect(elements(feed, "published")).toEqual(["2026-11-21T08:00:00.000Z", "2026-11-01T08:00:00.000Z"]);
    // The feed's own date is its latest change: here a page updated after it was published.
    expect(elements(feed, "updated")).toEqual(["2026-11-25T09:30:00.000Z", "2026-11-25T09:30:00.000Z", "2026-11-01T08:00:00.000Z"]);
    expect(elements(feed, "summary")[0]).toBe("1 claim checked: 1 mostly true.");
    expect(feed).toContain("<author><name>The Daily Check</name><uri>https://check.example</uri></author>");
    const content = elements(feed, "content")[0];
    expect(content).toContain("&lt;strong&gt;Mostly true&lt;/strong&gt;: “The council spent 4.2 million euros”");
    expect(content).toContain("&lt;p&gt;The report says 4.19 million.&lt;/p&gt;");
    expect(content).toContain("&lt;a href=&quot;https://desk.example/p/city-budget&quot;&gt;Read the fact-check&lt;/a&gt;");
    expect(content).not.toContain("Corrected");
  });

  it("says in an entry's content when its fact-check was corrected", () => {
    const feed = atomFeed(newsroom, [factCheck({ updatedAt: "2026-11-25T09:30:00.000Z", correctedAt: "2026-11-25T09:30:00.000Z" })], now);
    expect(elements(feed, "content")[0]).toContain("&lt;p&gt;&lt;strong&gt;Corrected on 25 November 2026&lt;/strong&gt;: see the corrections on the page.&lt;/p&gt;");
  });

  it("escapes what the desk typed twice in content (HTML inside XML) and once elsewhere: no markup gets through", () => {
    const hostile = 'Mayor <script>alert("x")</script> & "friends"';
    const feed = atomFeed(newsroom, [factCheck({ title: hostile, claims: [{ id: "c1", quote: hostile, claimant: { name: hostile, kind: "person", role: "<b>mayor</b>" }, verdict: null, explanation: "<img src=x onerror=alert(1)>" }], verdicts: [{ verdict: null, count: 1 }] })], now);
    expect(feed).not.toContain("<script");
    expect(feed).not.toContain("<img");
    expect(elements(feed, "title")[1]).toBe("Mayor &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;friends&quot;");
    const content = elements(feed, "content")[0]!;
    expect(content).toContain("&amp;lt;script&amp;gt;");
    expect(content).toContain("&amp;lt;img src=x onerror=alert(1)&amp;gt;");
    expect(content).toContain("&lt;strong&gt;No verdict&lt;/strong&gt;");
    expect(content).not.toContain("&lt;b&gt;mayor");
    expect(content).toContain("&amp;lt;b&amp;gt;mayor&amp;lt;/b&amp;gt;");
  });

  it("names who made each claim after its quote, with their role, and nobody when none was named", () => {
    const claims: FeedClaim[] = [
      { id: "c1", quote: "Crime fell by half", claimant: { name: "Jane Doe", kind: "person", role: "mayor of Springfield" }, verdict: "false", explanation: "" },
      { id: "c2", quote: "The budget is balanced", claimant: { name: "City Council", kind: "organization", role: null }, verdict: "true", explanation: "" },
      { id: "c3", quote: "Nobody said this", claimant: null, verdict: "unproven", explanation: "" },
    ];
    const content = elements(atomFeed(newsroom, [factCheck({ claims })], now), "content")[0]!;
    expect(content).toContain("&lt;strong&gt;False&lt;/strong&gt;: “Crime fell by half” (Jane Doe, mayor of Springfield)&lt;/p&gt;");
    expect(content).toContain("&lt;strong&gt;True&lt;/strong&gt;: “The budget is balanced” (City Council)&lt;/p&gt;");
    expect(content).toContain("&lt;strong&gt;Unproven&lt;/strong&gt;: “Nobody said this”&lt;/p&gt;");
  });

  it("files each entry under a category per topic, in the desk's order, its term escaped; none without topics", () => {
    const feed = atomFeed(newsroom, [factCheck({ topics: ["Health", 'Fish & "chips" <b>'] }), factCheck({ id: "3", slug: "older" })], now);
    const [filed, unfiled] = elements(feed, "entry");
    expect([...filed!.matchAll(/<category [^>]*\/>/g)].map((match) => match[0])).toEqual(['<category term="Health"/>', '<category term="Fish &amp; &quot;chips&quot; &lt;b&gt;"/>']);
    expect(unfiled).not.toContain("<category");
    expect(feed).not.toContain("<b>");
  });

  it("drops characters XML cannot hold, which would make the whole feed unreadable", () => {
    const feed = atomFeed(newsroom, [factCheck({ title: "Tab\there, bell\u0007, lone \uD800 surrogate, emoji 📰, form\u000Cfeed" })], now);
    expect(elements(feed, "title")[1]).toBe("Tab\there, bell, lone  surrogate, emoji 📰, formfeed");
  });

  it("is a valid empty feed, dated now, before anything is published; a newsroom without a site has no author uri", () => {
    const feed = atomFeed({ ...newsroom, url: null }, [], now);
    expect(elements(feed, "updated")).toEqual(["2026-11-30T12:00:00.000Z"]);
    expect(feed).not.toContain("<entry>");
    expect(feed).toContain("<author><name>The Daily Check</name></author>");
    expect(feed.trimEnd().endsWith("</feed>")).toBe(true);
  });
});

describe("describeTally", () => {
  it("says how many claims were checked and how many of each verdict", () => {
    expect(describeTally([])).toBe("No claim checked yet");
    expect(describeTally([{ verdict: "false", count: 1 }])).toBe("1 claim checked: 1 false");
    expect(
      describeTally([
        { verdict: "false", count: 2 },
        { verdict: "mostly_true", count: 1 },
        { verdict: null, count: 1 },
      ]),
    ).toBe("4 claims checked: 2 false, 1 mostly true, 1 without a verdict");
  });
});
