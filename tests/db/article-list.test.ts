import { beforeEach, expect, it } from "vitest";
import { createArticleFromText } from "@/lib/articles/create";
import { ARTICLES_PER_PAGE, listArticles } from "@/lib/articles/list";
import { documentFromPlainText } from "@/lib/articles/document";
import { Invalid } from "@/lib/errors";
import { listRevisions, saveRevision } from "@/lib/revisions/service";
import type { Actor } from "@/lib/users/actor";
import { describeOnEveryEngine } from "./engines";
import { addUser } from "./fixtures";

describeOnEveryEngine("the list of articles, a page at a time", (db) => {
  let reader: Actor;

  beforeEach(async () => {
    reader = await addUser(db(), "reviewer");
  });

  const add = (title: string, byline?: string) => createArticleFromText(db(), { title, byline, text: `${title}.` });
  const titles = async (input: unknown) => (await listArticles(db(), reader, input)).articles.map((article) => article.title);

  it("gives the newest first, a page at a time, with the count and the number of pages", async () => {
    for (let n = 1; n <= ARTICLES_PER_PAGE + 3; n++) await add(`Story ${String(n).padStart(2, "0")}`);
    const first = await listArticles(db(), reader, {});
    expect(first).toMatchObject({ total: ARTICLES_PER_PAGE + 3, pageCount: 2, query: { q: "", page: 1 } });
    expect(first.articles).toHaveLength(ARTICLES_PER_PAGE);
    expect(first.articles[0]!.title).toBe(`Story ${ARTICLES_PER_PAGE + 3}`);
    expect(await titles({ page: "2" })).toEqual(["Story 03", "Story 02", "Story 01"]);
    const beyond = await listArticles(db(), reader, { page: 3 });
    expect(beyond).toMatchObject({ articles: [], total: ARTICLES_PER_PAGE + 3, pageCount: 2 });
    // A search offering a few matches asks for fewer per page.
    const few = await listArticles(db(), reader, { limit: "8", page: "2" });
    expect(few).toMatchObject({ total: ARTICLES_PER_PAGE + 3, pageCount: 7 });
    expect(few.articles.map((article) => article.title)).toEqual(Array.from({ length: 8 }, (_, i) => `Story ${ARTICLES_PER_PAGE + 3 - 8 - i}`));
  });

  it("says which revision each article is at and when it was saved", async () => {
    const { id } = await add("Budget vote delayed");
    const [added] = (await listArticles(db(), reader, {})).articles;
    expect(added).toMatchObject({ revision: 1, revisedAt: (await listRevisions(db(), reader, id))[0]!.createdAt });
    const editor = await addUser(db(), "editor");
    await saveRevision(db(), editor, id, { baseRevision: 1, doc: documentFromPlainText("Budget vote delayed to Friday.").toJSON() });
    const [revised] = (await listArticles(db(), reader, {})).articles;
    expect(revised).toMatchObject({ revision: 2, revisedAt: (await listRevisions(db(), reader, id))[1]!.createdAt });
  });

  it("finds the articles whose title or byline holds every word searched, in any case", async () => {
    await add("US to send anti-personnel mines to Ukraine", "By Jane Doe");
    await add("Mines cleared in the south", "By John Roe");
    await add("Budget vote delayed", "By Jane Doe");
    expect(await titles({ q: "MINES" })).toEqual(["Mines cleared in the south", "US to send anti-personnel mines to Ukraine"]);
    expect(await titles({ q: "  mines   ukraine " })).toEqual(["US to send anti-personnel mines to Ukraine"]);
    expect(await titles({ q: "jane" })).toEqual(["Budget vote delayed", "US to send anti-personnel mines to Ukraine"]);
    expect(await titles({ q: "jane mines" })).toEqual(["US to send anti-personnel mines to Ukraine"]);
    expect(await listArticles(db(), reader, { q: "carriers" })).toMatchObject({ articles: [], total: 0, pageCount: 1 });
  });

  it("takes %, _ and \\ in a search as themselves, not as patterns", async () => {
    await add("Turnout at 50% in the capital");
    await add("Turnout at 50 points");
    await add("snake_case and back\\slash");
    await add("snakeXcase");
    expect(await titles({ q: "50%" })).toEqual(["Turnout at 50% in the capital"]);
    expect(await titles({ q: "snake_case" })).toEqual(["snake_case and back\\slash"]);
    expect(await titles({ q: "k\\s" })).toEqual(["snake_case and back\\slash"]);
    expect(await titles({ q: "%" })).toEqual(["Turnout at 50% in the capital"]);
  });

  it.each([
    ["a page that is not a number", { page: "two" }, "page"],
    ["page 0", { page: "0" }, "page"],
    ["a search longer than 200 characters", { q: "x".repeat(201) }, "q"],
    ["more than 50 articles a page", { limit: "51" }, "limit"],
    ["no article a page", { limit: "0" }, "limit"],
  ])("refuses %s, naming the parameter", async (_, input, field) => {
    const error = await listArticles(db(), reader, input).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Invalid);
    expect(Object.keys((error as Invalid).fields)).toEqual([field]);
  });

  it("refuses a parameter it does not know, naming it", async () => {
    await expect(listArticles(db(), reader, { sort: "title" })).rejects.toThrow(/Unrecognized key: "sort"/);
  });
});
