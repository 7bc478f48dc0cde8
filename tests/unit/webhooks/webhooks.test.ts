import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { chatMessageOf } from "@/lib/webhooks/chat-message";
import type { WebhookEvent, WebhookEventData, WebhookEventType } from "@/lib/webhooks/events";
import { MAX_ATTEMPTS, retryDelayMs } from "@/lib/webhooks/retries";
import { newWebhookSecret, signatureOf, verifySignature } from "@/lib/webhooks/signature";

const SECRET = "whsec_test";
const BODY = '{"type":"ping"}';
const AT = new Date("2026-11-30T12:00:00Z");

describe("webhook signatures", () => {
  it("sign the time and the body with HMAC-SHA256, as a receiver recomputes it", () => {
    const header = signatureOf(SECRET, BODY, AT);
    const expected = createHmac("sha256", SECRET).update(`1796040000.${BODY}`).digest("hex");
    expect(header).toBe(`t=1796040000,v1=${expected}`);
    expect(verifySignature(SECRET, BODY, header, AT)).toBe(true);
  });

  it("refuse another body, another secret, an old request and a malformed header", () => {
    const header = signatureOf(SECRET, BODY, AT);
    expect(verifySignature(SECRET, '{"type":"ping" }', header, AT)).toBe(false);
    expect(verifySignature("whsec_other", BODY, header, AT)).toBe(false);
    expect(verifySignature(SECRET, BODY, header, new Date(AT.getTime() + 301_000))).toBe(false);
    expect(verifySignature(SECRET, BODY, header, new Date(AT.getTime() + 299_000))).toBe(true);
    for (const malformed of ["", "t=1796040000", "v1=abc", `t=x,v1=${"0".repeat(64)}`, `t=1796040000,v1=${"z".repeat(64)}`]) {
      expect(verifySignature(SECRET, BODY, malformed, AT)).toBe(false);
    }
  });

  it("use secrets that differ each time", () => {
    expect(newWebhookSecret()).not.toBe(newWebhookSecret());
    expect(newWebhookSecret()).toMatch(/^whsec_[\w-]{43}$/);
  });
});

describe("retries", () => {
  it("wait longer after each failure, about two days in all, then stop", () => {
    const delays = Array.from({ length: MAX_ATTEMPTS }, (_, index) => retryDelayMs(index + 1));
    expect(delays.slice(0, -1).map((delay) => delay! / 60_000)).toEqual([1, 5, 30, 120, 360, 720, 1440]);
    expect(delays.at(-1)).toBeNull();
    const total = delays.slice(0, -1).reduce((sum, delay) => sum! + delay!, 0)!;
    expect(total / 3_600_000).toBeGreaterThan(44);
    expect(total / 3_600_000).toBeLessThan(48);
  });
});

const event = <Type extends WebhookEventType>(type: Type, data: WebhookEventData[Type]): WebhookEvent => ({ id: "e1", type, createdAt: AT.toISOString(), data });
const factCheck = { articleId: "a1", title: "Bridge <repairs> & costs", url: "https://desk.example/p/bridge" };
const claim = { id: "c1", quote: "It costs <b>12</b> million & more", claimant: null, status: "approved", verdict: "mostly_false", url: "https://desk.example/p/bridge#claim-c1" };

describe("chat messages", () => {
  it("say what happened in one line, with links, and keep what people typed as text", () => {
    const texts = [
      event("fact_check.published", { factCheck: { ...factCheck, publishedAt: AT.toISOString(), topics: ["Transport"] } }),
      event("fact_check.unpublished", { factCheck }),
      event("fact_check.changed", { factCheck, change: "claim_approved", claim }),
      event("fact_check.changed", { factCheck, change: "claim_withdrawn", claim: { ...claim, status: "in_review" } }),
      event("fact_check.changed", { factCheck, change: "claim_placed", claim }),
      event("fact_check.changed", { factCheck, change: "summary_changed" }),
      event("fact_check.changed", { factCheck, change: "details_changed", fields: ["title", "originalUrl"] }),
      event("fact_check.changed", { factCheck, change: "topics_changed", topics: ["Roads & <bridges>", "Budget"] }),
      event("fact_check.changed", { factCheck, change: "topics_changed", topics: [] }),
      event("fact_check.changed", { factCheck, change: "text_revised", revision: 4 }),
      event("claim.submitted", { claim: { ...claim, url: "https://desk.example/articles/a1?annotation=c1" }, article: { id: "a1", title: "Bridge <repairs>" }, by: "Rita <Reviewer>" }),
      event("reader_message.received", { factCheck, claim: { id: "c1", quote: claim.quote }, message: "It is <b>14</b>,\n\nnot 12.", url: "https://desk.example/readers?article=a1" }),
      event("reader_message.received", { factCheck, claim: null, message: "Wrong & misleading.", url: "https://desk.example/readers?article=a1" }),
      event("reader_tip.received", { message: "The mayor said <crime> fell.", link: "https://video.example/x|y>z", url: "https://desk.example/readers?kind=tips" }),
      event("article.original_changed", {
        article: { id: "a1", title: "Bridge <repairs>", url: "https://desk.example/articles/a1" },
        original: "https://news.example/bridge?a=1|b>2",
        seenAt: AT.toISOString(),
        revision: 2,
        paragraphsAdded: 1,
        paragraphsRemoved: 0,
      }),
      event("ping", { message: "A test <event>." }),
    ].map((each) => chatMessageOf(each).text);
    expect(texts).toEqual([
      "Published: <https://desk.example/p/bridge|Bridge &lt;repairs&gt; &amp; costs>",
      "Unpublished: *Bridge &lt;repairs&gt; &amp; costs* (its public page is down)",
      "Rated *Mostly false*: “It costs &lt;b&gt;12&lt;/b&gt; million &amp; more” on <https://desk.example/p/bridge|Bridge &lt;repairs&gt; &amp; costs>",
      "Rating withdrawn for another review: “It costs &lt;b&gt;12&lt;/b&gt; million &amp; more” on <https://desk.example/p/bridge|Bridge &lt;repairs&gt; &amp; costs>",
      "Placement checked: “It costs &lt;b&gt;12&lt;/b&gt; million &amp; more” (*Mostly false*) is on <https://desk.example/p/bridge|Bridge &lt;repairs&gt; &amp; costs>",
      "Summary rewritten on <https://desk.example/p/bridge|Bridge &lt;repairs&gt; &amp; costs>",
      "Details changed (title, original's address) on <https://desk.example/p/bridge|Bridge &lt;repairs&gt; &amp; costs>",
      "Filed under *Roads &amp; &lt;bridges&gt;*, *Budget*: <https://desk.example/p/bridge|Bridge &lt;repairs&gt; &amp; costs>",
      "Filed under no topic: <https://desk.example/p/bridge|Bridge &lt;repairs&gt; &amp; costs>",
      "Text revised (revision 4) on <https://desk.example/p/bridge|Bridge &lt;repairs&gt; &amp; costs>",
      "Rita &lt;Reviewer&gt; submitted a claim for review: <https://desk.example/articles/a1?annotation=c1|It costs &lt;b&gt;12&lt;/b&gt; million &amp; more> in *Bridge &lt;repairs&gt;*",
      "A reader wrote about “It costs &lt;b&gt;12&lt;/b&gt; million &amp; more” in <https://desk.example/p/bridge|Bridge &lt;repairs&gt; &amp; costs>: “It is &lt;b&gt;14&lt;/b&gt;, not 12.” <https://desk.example/readers?article=a1|Read and answer>",
      "A reader wrote about <https://desk.example/p/bridge|Bridge &lt;repairs&gt; &amp; costs>: “Wrong &amp; misleading.” <https://desk.example/readers?article=a1|Read and answer>",
      "A reader suggests a claim to check: “The mayor said &lt;crime&gt; fell.” (seen at https://video.example/x|y&gt;z) <https://desk.example/readers?kind=tips|Read and answer>",
      "The original of <https://desk.example/articles/a1|Bridge &lt;repairs&gt;> has changed at <https://news.example/bridge?a=1%7Cb%3E2|its web address>: 1 paragraph only it has, 0 paragraphs only the desk's text has",
      "A test &lt;event&gt;.",
    ]);
  });

  it("name who made the claim after its quote, as text", () => {
    const named = { ...claim, claimant: { name: "Ana <Ortiz>", kind: "person" as const, role: "mayor & <i>co</i>" } };
    expect(chatMessageOf(event("fact_check.changed", { factCheck, change: "claim_approved", claim: named })).text).toBe(
      "Rated *Mostly false*: “It costs &lt;b&gt;12&lt;/b&gt; million &amp; more” (Ana &lt;Ortiz&gt;, mayor &amp; &lt;i&gt;co&lt;/i&gt;) on <https://desk.example/p/bridge|Bridge &lt;repairs&gt; &amp; costs>",
    );
    const submitted = event("claim.submitted", { claim: { ...named, claimant: { name: "City Council", kind: "organization", role: null } }, article: { id: "a1", title: "Bridge" }, by: "Rita" });
    expect(chatMessageOf(submitted).text).toBe("Rita submitted a claim for review: <https://desk.example/p/bridge#claim-c1|It costs &lt;b&gt;12&lt;/b&gt; million &amp; more> (City Council) in *Bridge*");
  });

  it("shorten a long quote at a word", () => {
    const long = chatMessageOf(event("fact_check.changed", { factCheck, change: "claim_approved", claim: { ...claim, quote: "word ".repeat(100) } })).text;
    expect(long).toMatch(/^Rated \*Mostly false\*: “(word ){38}word…” on /);
  });
});
