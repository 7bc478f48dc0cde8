import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { claimPageUrl, EMBED_HEIGHT_MESSAGE, embedCode, embedTargetOf, embedTitle, embedUrl, oembedOf } from "@/lib/publishing/embed";

const APP = "https://desk.example";
const newsroom = { name: "The Daily Check", url: "https://check.example", showReviewers: false, timeZone: "UTC", appUrl: APP };
const CLAIM = { slug: "city-budget", claimId: "11111111-1111-4111-8111-111111111111" };

describe("the addresses of a fact-check, a claim's, and their embeds", () => {
  it("are the public page's, with the claim's note or the embed", () => {
    expect(claimPageUrl(APP, CLAIM)).toBe(`${APP}/p/city-budget#claim-${CLAIM.claimId}`);
    expect(embedUrl(APP, CLAIM)).toBe(`${APP}/p/city-budget/embed/${CLAIM.claimId}`);
    expect(embedUrl(APP, { slug: "city-budget" })).toBe(`${APP}/p/city-budget/embed`);
  });

  it("are read back from any of them, and only from this desk's", () => {
    const PAGE = { slug: "city-budget" };
    expect(embedTargetOf(APP, claimPageUrl(APP, CLAIM))).toEqual(CLAIM);
    expect(embedTargetOf(APP, embedUrl(APP, CLAIM))).toEqual(CLAIM);
    expect(embedTargetOf(APP, `${embedUrl(APP, CLAIM)}/?utm_source=cms`)).toEqual(CLAIM);
    expect(embedTargetOf(APP, `${APP}/p/city-budget/#claim-${CLAIM.claimId}`)).toEqual(CLAIM);
    expect(embedTargetOf(APP, `${APP}/p/city-budget`)).toEqual(PAGE);
    expect(embedTargetOf(APP, `${APP}/p/city-budget/?ref=home#top`)).toEqual(PAGE);
    expect(embedTargetOf(APP, `${APP}/p/city-budget/embed`)).toEqual(PAGE);
    expect(embedTargetOf(APP, `${APP}/p/city-budget/embed#claim-${CLAIM.claimId}`)).toEqual(PAGE);
    expect(embedTargetOf(APP, `https://elsewhere.example/p/city-budget#claim-${CLAIM.claimId}`)).toBeNull();
    expect(embedTargetOf(APP, `${APP}/p/city-budget#claim-not-an-id`)).toBeNull();
    expect(embedTargetOf(APP, `${APP}/p/city-budget/embed/not-an-id`)).toBeNull();
    expect(embedTargetOf(APP, `${APP}/p/City_Budget`)).toBeNull();
    expect(embedTargetOf(APP, `${APP}/p`)).toBeNull();
    expect(embedTargetOf(APP, `${APP}/p/city-budget/embed/${CLAIM.claimId}/more`)).toBeNull();
    expect(embedTargetOf(APP, `${APP}/articles/${CLAIM.claimId}`)).toBeNull();
    expect(embedTargetOf(APP, "not an address")).toBeNull();
    expect(embedTargetOf(APP, `javascript:alert(1)//${APP}/p/city-budget#claim-${CLAIM.claimId}`)).toBeNull();
  });
});

/** Runs the embed code's script in a page holding `frames`, and returns how it answers a message. */
function hostPage(code: string, frames: { contentWindow: object; height: string }[]) {
  const script = /<script>([\s\S]*)<\/script>/.exec(code)![1]!;
  const listeners: ((event: unknown) => void)[] = [];
  const window: Record<string, unknown> = {};
  const page = {
    window,
    document: { getElementsByTagName: (name: string) => (name === "iframe" ? frames : []) },
    addEventListener: (type: string, listener: (event: unknown) => void) => type === "message" && listeners.push(listener),
  };
  window.window = window;
  runInNewContext(script, page);
  runInNewContext(script, page); // a second embed on the same page adds no second listener
  return {
    listeners,
    post: (event: { origin: string; source: object; data: unknown }) => listeners.forEach((listener) => listener(event)),
  };
}

describe("the embed code", () => {
  it("frames the claim's embed with a title that stays text", () => {
    const code = embedCode(APP, CLAIM, embedTitle(`He said "<b>it</b>" & left`));
    const frame = /^<iframe [^>]*><\/iframe>/.exec(code)![0];
    expect(frame).toContain(`src="${embedUrl(APP, CLAIM)}"`);
    expect(frame).toContain('title="Fact-check: “He said &quot;&lt;b&gt;it&lt;/b&gt;&quot; &amp; left”"');
    expect(frame).toContain('width="560" height="360"');
  });

  it("sizes the frame that asks, and only when the desk's origin asks", () => {
    const ours = { contentWindow: {}, height: "360" };
    const theirs = { contentWindow: {}, height: "200" };
    const host = hostPage(embedCode(APP, CLAIM, "Fact-check"), [theirs, ours]);
    expect(host.listeners).toHaveLength(1);

    host.post({ origin: APP, source: ours.contentWindow, data: { type: EMBED_HEIGHT_MESSAGE, height: 412.3 } });
    expect([ours.height, theirs.height]).toEqual(["413", "200"]);
    host.post({ origin: "https://evil.example", source: ours.contentWindow, data: { type: EMBED_HEIGHT_MESSAGE, height: 9000 } });
    host.post({ origin: APP, source: ours.contentWindow, data: { type: "something else", height: 9000 } });
    host.post({ origin: APP, source: ours.contentWindow, data: { type: EMBED_HEIGHT_MESSAGE, height: "9000" } });
    host.post({ origin: APP, source: ours.contentWindow, data: null });
    expect([ours.height, theirs.height]).toEqual(["413", "200"]);
  });

  it("keeps markup in the desk's address as text, so that the script element is not closed early", () => {
    const code = embedCode("https://desk.example/</script><script>alert(1)//", CLAIM, "Fact-check");
    expect(code.match(/<\/script>/g)).toHaveLength(1);
  });
});

describe("the oEmbed answer", () => {
  it("is a rich embed of the same code, within the consumer's limits", () => {
    const answer = oembedOf(newsroom, CLAIM, "Fact-check: “x”", { maxwidth: 400, maxheight: 1000 });
    expect(answer).toMatchObject({ type: "rich", version: "1.0", title: "Fact-check: “x”", provider_name: "The Daily Check", provider_url: "https://check.example", width: 400, height: 360 });
    expect(answer.html).toBe(embedCode(APP, CLAIM, "Fact-check: “x”", { width: 400, height: 360 }));
    expect(oembedOf({ ...newsroom, url: null }, CLAIM, "t").provider_url).toBe(`${APP}/p`);
  });

  it("titles a long claim by its beginning", () => {
    const title = embedTitle("word ".repeat(60));
    expect(title.length).toBeLessThan(120);
    expect(title).toMatch(/^Fact-check: “word word .*…”$/);
  });
});
