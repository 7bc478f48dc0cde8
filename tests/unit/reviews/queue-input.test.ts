import { describe, expect, it } from "vitest";
import { Invalid } from "@/lib/errors";
import { queueParamsOf, queueQuerySchema } from "@/lib/reviews/queue-input";
import { queueHref } from "@/lib/reviews/queue-url";
import { parseInput } from "@/lib/validation";

const USER = "0b9c2a56-8a1f-4c47-9a53-1f0c1c1f9a11";

const parse = (search: string) => parseInput(queueQuerySchema, queueParamsOf(new URLSearchParams(search)));

function refusal(search: string): Record<string, string> {
  try {
    parse(search);
  } catch (error) {
    expect(error).toBeInstanceOf(Invalid);
    return (error as Invalid).fields;
  }
  throw new Error(`expected ${search} to be refused`);
}

describe("the review queue's query", () => {
  it("reads an empty query as everything, newest change first, 25 a page", () => {
    expect(parse("")).toEqual({ status: [], verdict: [], placement: [], sort: "updated", dir: "desc", page: 1, pageSize: 25 });
  });

  it("reads My queue (assignee=me) most urgent first unless another order is asked", () => {
    expect(parse("assignee=me")).toMatchObject({ assignee: "me", sort: "urgency", dir: "asc" });
    expect(parse("assignee=me&sort=due")).toMatchObject({ sort: "due", dir: "asc" });
  });

  it("takes lists repeated or comma-separated, once each, and ignores empty fields", () => {
    expect(parse("status=in_review,draft&status=draft&verdict=none&verdict=false&placement=orphaned,check&assignee=&article=")).toMatchObject({
      status: ["in_review", "draft"],
      verdict: ["none", "false"],
      placement: ["orphaned", "check"],
    });
  });

  it("gives each sort its natural direction unless told", () => {
    expect(parse("sort=due")).toMatchObject({ dir: "asc" });
    expect(parse("sort=created")).toMatchObject({ dir: "desc" });
    expect(parse("sort=article&dir=desc")).toMatchObject({ dir: "desc" });
  });

  it.each([
    ["an unknown parameter", "stauts=draft", { stauts: "is not a parameter of the queue" }],
    ["an unknown status", "status=draft,open", { status: '"open" is not one of draft, in_review, changes_requested, approved, rejected' }],
    ["an unknown verdict", "verdict=maybe", { verdict: expect.stringMatching(/^"maybe" is not one of true, .*, none$/) }],
    ["an assignee that is no id", "assignee=rita", { assignee: "must be a user id, me or unassigned" }],
    ["an author that is no id", "author=unassigned", { author: "must be a user id or me" }],
    ["an article that is no id", "article=42", { article: "must be an article id" }],
    ["a single parameter given twice", `assignee=me&assignee=${USER}`, { assignee: "must be given once" }],
    ["an impossible date", "from=2026-02-30", { from: "must be a date as YYYY-MM-DD" }],
    ["a date in another format", "to=30/01/2026", { to: "must be a date as YYYY-MM-DD" }],
    ["a range that ends before it starts", "from=2026-03-02&to=2026-03-01", { to: "must not be before from" }],
    ["an unknown sort and direction", "sort=priority&dir=up", { sort: expect.stringMatching(/^must be one of urgency, /), dir: "must be asc or desc" }],
    ["most urgent first reversed", "sort=urgency&dir=desc", { dir: "must be asc with sort=urgency: most urgent first" }],
    ["page 0", "page=0", { page: "must be at least 1" }],
    ["a page that is no number", "page=two", { page: "must be a whole number from 1 to 100,000" }],
    ["a negative page", "page=-1", { page: "must be a whole number from 1 to 100,000" }],
    ["a page size over the largest", "pageSize=101", { pageSize: "must be at most 100" }],
    ["a search of over 200 characters", `q=${"w".repeat(201)}`, { q: "must be at most 200 characters" }],
  ])("refuses %s, naming the field", (_, search, fields) => {
    expect(refusal(search)).toEqual(fields);
  });

  it("names every failing field at once", () => {
    expect(Object.keys(refusal("page=0&pageSize=0&sort=x"))).toEqual(["sort", "page", "pageSize"]);
  });
});

describe("the review queue's address", () => {
  it("writes only what differs from the defaults", () => {
    expect(queueHref(parse(""))).toBe("/queue");
    expect(queueHref(parse("q=%20%20"))).toBe("/queue");
    expect(queueHref(parse("assignee=me"))).toBe("/queue?assignee=me");
    expect(queueHref(parse("assignee=me&sort=urgency&dir=asc&page=1&pageSize=25"))).toBe("/queue?assignee=me");
  });

  it("reads back as the same query", () => {
    const query = parse(`q=${encodeURIComponent('mines "non-persistent" -Russia')}&status=draft,in_review&verdict=none&placement=check&author=${USER}&claimant=${encodeURIComponent("Smith, Jane & Co")}&topic=${encodeURIComponent("Health & care")}&from=2026-01-01&to=2026-01-31&sort=due&dir=desc&page=3&pageSize=50`);
    const href = queueHref(query);
    expect(parse(href.slice(href.indexOf("?") + 1))).toEqual(query);
  });

  it("starts again at page 1 when a filter or the order changes, not when the page does", () => {
    const query = parse("page=4");
    expect(queueHref(query, { status: ["draft"] })).toBe("/queue?status=draft");
    expect(queueHref(query, { sort: "due", dir: "asc" })).toBe("/queue?sort=due");
    expect(queueHref(query, { page: 5 })).toBe("/queue?page=5");
    expect(queueHref(query)).toBe("/queue?page=4");
  });
});
