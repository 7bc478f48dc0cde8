import { describe, expect, it } from "vitest";
import type { ClaimInboxItem as InboxItem, OriginalInboxItem } from "@/lib/comments/inbox";
import { inboxEmail } from "@/lib/notifications/inbox-email";
import { delayInWords, mailSettings } from "@/lib/notifications/mail-settings";

const DESK = { appUrl: "https://desk.example.org", newsroom: "The Courier", daily: null };
const RITA = { name: "Rita Reviewer", email: "rita@example.org" };

function item(id: string, overrides: Partial<InboxItem> = {}): InboxItem {
  return {
    id,
    kind: "review",
    reason: "approved",
    author: { id: "ed", name: "Ed Editor" },
    excerpt: "",
    revision: null,
    dueOn: null,
    createdAt: "2026-12-02T10:00:00.000Z",
    unread: true,
    claim: { id: `claim-${id}`, quote: `quote ${id}` },
    article: { id: "a1", title: "Ferry fares" },
    ...overrides,
  };
}

describe("the inbox email", () => {
  it("tells one item in its subject, its words quoted and its claim linked", () => {
    const email = inboxEmail(RITA, [item("1", { kind: "comment", reason: "mention", excerpt: "Line one\nline two", claim: { id: "c1", quote: "The fares\nrose 40%" } })], 1, DESK);
    expect(email.to).toEqual({ name: "Rita Reviewer", address: "rita@example.org" });
    expect(email.subject).toBe("Ed Editor mentioned you on the claim “The fares rose 40%”");
    expect(email.text).toContain("Ed Editor mentioned you on the claim “The fares rose 40%” in Ferry fares:\n> Line one\n> line two\nhttps://desk.example.org/articles/a1?annotation=c1\n");
  });

  it("tells one act on several claims once, as the inbox groups it, and counts what it leaves out", () => {
    const email = inboxEmail(RITA, [item("1"), item("2"), item("3", { reason: "rejected", excerpt: "No source." })], 25, DESK);
    expect(email.subject).toBe("25 new in your inbox at The Courier");
    expect(email.text).toContain(
      "Ed Editor approved 2 claims in Ferry fares:\n- “quote 1”: https://desk.example.org/articles/a1?annotation=claim-1\n- “quote 2”: https://desk.example.org/articles/a1?annotation=claim-2\n\nEd Editor rejected the claim “quote 3” in Ferry fares:\n> No source.\n",
    );
    expect(email.text).toContain("And 22 more in your inbox.");
    expect(email.text).toContain("To stop these emails, or to have them once a day, change it on your account page: https://desk.example.org/account#notifications");
  });

  it("says of a daily email that it is one, and when it comes", () => {
    const email = inboxEmail(RITA, [item("1")], 1, { ...DESK, daily: { at: "07:30", timeZone: "Europe/Kyiv" } });
    expect(email.subject).toBe("Your day at The Courier: 1 new in your inbox");
    expect(email.text).toContain("New in your inbox at The Courier since your last daily email:\n\nEd Editor approved the claim “quote 1”");
    expect(email.text).toContain("You get this email once a day, at 07:30 Kyiv time, because you asked for what lands in your inbox in one daily email.");
    expect(email.text).toContain("To have it as it comes, or to stop these emails, change it on your account page: https://desk.example.org/account#notifications");
  });

  it("lists first, in a daily email, the claims due by the day, and says how many more My queue holds", () => {
    const due = {
      today: "2026-12-03",
      claims: [{ id: "c9", quote: "Fares\nrose", dueOn: "2026-12-03", article: { id: "a2", title: "Ferry fares" } }],
      total: 12,
    };
    const email = inboxEmail(RITA, [item("1"), item("2")], 2, { ...DESK, daily: { at: "08:00", timeZone: "UTC" } }, due);
    expect(email.subject).toBe("Your day at The Courier: 12 claims due, 2 new in your inbox");
    expect(email.text).toContain(
      "Hello Rita Reviewer,\n\nAssigned to you and due by today (12 claims due):\n- “Fares rose” in Ferry fares, due today: https://desk.example.org/articles/a2?annotation=c9\n- and 11 more in My queue: https://desk.example.org/queue?assignee=me\n\nNew in your inbox at The Courier since your last daily email:",
    );
  });

  it("says whom a claim was given to and by when it is due", () => {
    const assigned = inboxEmail(RITA, [item("1", { reason: "assigned", dueOn: "2026-12-04" })], 1, DESK);
    expect(assigned.subject).toBe("Ed Editor assigned you the claim “quote 1”");
    expect(assigned.text).toContain("Ed Editor assigned you the claim “quote 1” in Ferry fares:\nDue 4 Dec 2026.\nhttps://desk.example.org/articles/a1?annotation=claim-1\n");
    const moved = inboxEmail(RITA, [item("1", { reason: "due_changed", dueOn: null }), item("2", { reason: "unassigned" })], 2, DESK);
    expect(moved.text).toContain("Ed Editor changed the due date of the claim “quote 1” in Ferry fares:\nNo due date any more.\n");
    expect(moved.text).toContain("Ed Editor took you off the claim “quote 2” in Ferry fares:\nhttps://desk.example.org/articles/a1?annotation=claim-2\n");
  });

  it("tells that an article's original changed, with the article and the original linked, between items on claims", () => {
    const original: OriginalInboxItem = {
      id: "o1",
      kind: "original",
      createdAt: "2026-12-02T11:00:00.000Z",
      unread: true,
      article: { id: "a1", title: "Ferry\nfares" },
      original: { url: "https://news.example/ferry", revision: 3, paragraphsAdded: 1, paragraphsRemoved: 2 },
    };
    const alone = inboxEmail(RITA, [original], 1, DESK);
    expect(alone.subject).toBe("The original of “Ferry fares” has changed");
    expect(alone.text).toContain(
      "The original of “Ferry fares” has changed at its web address: 1 paragraph only the original has, 2 paragraphs only the desk's revision 3 has.\nThe article: https://desk.example.org/articles/a1\nThe original: https://news.example/ferry\n",
    );
    const among = inboxEmail(RITA, [item("1"), original, item("2")], 3, DESK);
    expect(among.text).toContain("Ed Editor approved the claim “quote 1” in Ferry fares:");
    expect(among.text).toContain("Ed Editor approved the claim “quote 2” in Ferry fares:");
  });

  it("keeps line breaks people typed out of the subject and the greeting", () => {
    const email = inboxEmail({ name: "Rita\r\nBcc: x@example.org", email: "rita@example.org" }, [item("1", { author: { id: "e", name: "Ed\nEditor" } })], 1, DESK);
    expect(email.subject).toBe("Ed Editor approved the claim “quote 1”");
    expect(email.to.name).toBe("Rita Bcc: x@example.org");
    expect(email.text.startsWith("Hello Rita Bcc: x@example.org,\n")).toBe(true);
  });
});

describe("the email settings", () => {
  it("say the delay in minutes, rounded up", () => {
    expect([2, 60, 61, 120, 600].map(delayInWords)).toEqual(["a minute", "a minute", "2 minutes", "2 minutes", "10 minutes"]);
  });


  it("send no email without SMTP_URL, and say what is wrong with a malformed setting", () => {
    expect(mailSettings({})).toEqual({ settings: null, problems: [] });
    expect(mailSettings({ SMTP_URL: "smtp://mail.example.org:587" })).toEqual({
      settings: { smtpUrl: "smtp://mail.example.org:587", from: '"Fact-check desk" <no-reply@localhost>', delaySeconds: 120, dailyAt: "08:00" },
      problems: [],
    });
    expect(
      mailSettings({ SMTP_URL: "smtps://u:p@mail.example.org", NEXTAUTH_URL: "https://desk.courier.example", NEWSROOM_NAME: 'The "Courier"', EMAIL_DELAY_SECONDS: "0", EMAIL_DAILY_AT: "17:45" })
        .settings,
    ).toEqual({
      smtpUrl: "smtps://u:p@mail.example.org",
      from: '"The Courier" <no-reply@desk.courier.example>',
      delaySeconds: 2,
      dailyAt: "17:45",
    });
    expect(mailSettings({ SMTP_URL: "http://mail.example.org", EMAIL_DELAY_SECONDS: "soon", EMAIL_DAILY_AT: "8am", MAIL_FROM: "the desk" }).problems).toEqual([
      "SMTP_URL must be an smtp:// or smtps:// address, such as smtp://user:password@mail.example.org:587.",
      "EMAIL_DELAY_SECONDS must be a whole number of seconds, such as 120.",
      "EMAIL_DAILY_AT must be a time of day, HH:MM on a 24-hour clock, such as 08:00.",
      'MAIL_FROM must be an email address, or a name and one: "Fact-check desk <desk@example.org>".',
    ]);
  });
});
