import { count, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { annotations, auditEntries } from "@/db/schema";
import { selectArticleAnnotations } from "@/lib/annotations/queries";
import { createAnnotation } from "@/lib/annotations/service";
import { documentFromPlainText } from "@/lib/articles/document";
import { Forbidden, Invalid } from "@/lib/errors";
import { annotationsCsv } from "@/lib/exports/annotations-csv";
import { w3cListing } from "@/lib/interop/w3c/collection";
import { W3C_PAGE_SIZE } from "@/lib/interop/w3c/export";
import { importW3cAnnotations } from "@/lib/interop/w3c/import";
import { changeStatus } from "@/lib/reviews/service";
import { saveRevision } from "@/lib/revisions/service";
import type { Actor } from "@/lib/users/actor";
import { describeOnEveryEngine } from "./engines";
import { addArticle, addDesk, completeClaim, rowCount, selectorsOf } from "./fixtures";

const APP = "https://desk.example";

type Page = { id: string; type: string; startIndex: number; next?: string; prev?: string; partOf?: { id: string; total: number }; items: Record<string, unknown>[] };
type Collection = { "@context": string; type: string; total: number; first: Page; last: string };

describeOnEveryEngine("W3C annotations and CSV", (db) => {
  let author: Actor;
  let editor: Actor;
  let article: { id: string; plainText: string };

  beforeEach(async () => {
    ({ author, editor, article } = await addDesk(db()));
  });

  const listing = async (articleId: string, page?: number) => JSON.parse(await (await w3cListing(db(), author, articleId, { page, appUrl: APP })).render()) as unknown;
  const annotationRows = async () => (await db().select({ value: count() }).from(annotations))[0]!.value;
  const auditRows = () => rowCount(db(), auditEntries);

  describe("export", () => {
    it("describes each annotation as an assessment with its verdict, explanation, sources, creator and both selectors", async () => {
      const created = await createAnnotation(db(), author, article.id, { selectors: selectorsOf(article.plainText, "non-persistent"), ...completeClaim });
      const collection = (await listing(article.id)) as Collection;
      expect(collection).toMatchObject({ "@context": "http://www.w3.org/ns/anno.jsonld", type: "AnnotationCollection", total: 1, last: `${APP}/api/articles/${article.id}/annotations?page=1` });
      expect(collection.first).toMatchObject({ type: "AnnotationPage", startIndex: 0 });
      expect(collection.first.next).toBeUndefined();
      expect(collection.first.items).toEqual([
        {
          id: `${APP}/api/annotations/${created.id}`,
          type: "Annotation",
          motivation: "assessing",
          created: created.createdAt,
          modified: created.updatedAt,
          creator: { type: "Person", name: "Rita Reviewer" },
          "schema:creativeWorkStatus": "Draft",
          body: [
            { type: "TextualBody", purpose: "assessing", value: "Mostly true", format: "text/plain" },
            { type: "TextualBody", purpose: "describing", value: completeClaim.explanation, format: "text/plain" },
            {
              type: "SpecificResource",
              purpose: "linking",
              source: "https://www.defense.gov/News/",
              label: "Briefing",
              state: { type: "TimeState", sourceDate: "2024-11-20T00:00:00Z" },
            },
          ],
          target: { source: `${APP}/articles/${article.id}`, selector: created.selectors },
        },
      ]);
    });

    it("gives each source's publisher, quoted passage, day read and archived copy, and each claim's review status", async () => {
      const source = { url: "https://apnews.com/x", title: "AP story", publisher: "Associated Press", quote: "The mines are non-persistent.", accessedAt: "2024-11-21", archiveUrl: "https://web.archive.org/web/2024/https://apnews.com/x" };
      const created = await createAnnotation(db(), author, article.id, { selectors: selectorsOf(article.plainText, "non-persistent"), ...completeClaim, sources: [source] });
      await changeStatus(db(), author, created.id, { to: "in_review", version: created.version });
      const [item] = ((await listing(article.id)) as Collection).first.items;
      expect(item!["schema:creativeWorkStatus"]).toBe("In review");
      expect(item!.body).toContainEqual({
        type: "SpecificResource",
        purpose: "linking",
        source: "https://apnews.com/x",
        label: "AP story",
        "dcterms:publisher": "Associated Press",
        selector: { type: "TextQuoteSelector", exact: "The mines are non-persistent." },
        state: { type: "TimeState", sourceDate: "2024-11-21T00:00:00Z", cached: "https://web.archive.org/web/2024/https://apnews.com/x" },
      });
    });

    it("gives an orphan's quote without the position it had in an older revision", async () => {
      await createAnnotation(db(), author, article.id, { selectors: selectorsOf(article.plainText, "non-persistent"), ...completeClaim });
      const first = article.plainText.split("\n")[0]!;
      await saveRevision(db(), editor, article.id, { baseRevision: 1, doc: documentFromPlainText(first).toJSON() });
      const [item] = ((await listing(article.id)) as Collection).first.items as { target: { selector: unknown[] } }[];
      expect(item!.target.selector).toEqual([expect.objectContaining({ type: "TextQuoteSelector", exact: "non-persistent" })]);
    });

    it("pages a long list, linking each page to its neighbours and its collection, and versions it by the annotations stamp", async () => {
      const item = { target: { selector: selectorsOf(article.plainText, "Ukraine") } };
      await importW3cAnnotations(db(), editor, article.id, Array.from({ length: W3C_PAGE_SIZE + 1 }, () => item));
      const collection = (await listing(article.id)) as Collection;
      expect(collection.total).toBe(W3C_PAGE_SIZE + 1);
      expect(collection.first.items).toHaveLength(W3C_PAGE_SIZE);
      expect(collection.first.next).toBe(`${APP}/api/articles/${article.id}/annotations?page=2`);
      expect(collection.last).toBe(`${APP}/api/articles/${article.id}/annotations?page=2`);
      const second = (await listing(article.id, 2)) as Page;
      expect(second).toMatchObject({ type: "AnnotationPage", startIndex: W3C_PAGE_SIZE, prev: `${APP}/api/articles/${article.id}/annotations?page=1`, partOf: { id: `${APP}/api/articles/${article.id}/annotations`, total: W3C_PAGE_SIZE + 1 } });
      expect(second.items).toHaveLength(1);
      expect(second.next).toBeUndefined();
      await expect(listing(article.id, 3)).rejects.toThrow(/No page 3/);

      // The download embeds every page, and an import reads them all back.
      const complete = JSON.parse(await (await w3cListing(db(), author, article.id, { appUrl: APP, complete: true })).render()) as { first: Page & { next: Page } };
      expect(complete.first.items).toHaveLength(W3C_PAGE_SIZE);
      expect(complete.first.next).toMatchObject({ type: "AnnotationPage", startIndex: W3C_PAGE_SIZE, items: [expect.objectContaining({ type: "Annotation" })] });
      const copy = await addArticle(db());
      expect((await importW3cAnnotations(db(), editor, copy.id, complete)).placed).toBe(W3C_PAGE_SIZE + 1);

      const before = (await w3cListing(db(), author, article.id, { page: 2, appUrl: APP })).etag;
      expect((await w3cListing(db(), author, article.id, { page: 2, appUrl: APP })).etag).toBe(before);
      expect((await w3cListing(db(), author, article.id, { page: 1, appUrl: APP })).etag).not.toBe(before);
      await createAnnotation(db(), author, article.id, { selectors: selectorsOf(article.plainText, "non-persistent") });
      expect((await w3cListing(db(), author, article.id, { page: 2, appUrl: APP })).etag).not.toBe(before);
    });
  });

  describe("import", () => {
    const mines = (hint: number) => ({ target: { selector: [{ type: "TextQuoteSelector", exact: "mines" }, { type: "TextPositionSelector", start: hint, end: hint + 5 }] } });

    it("places what it can as the importer's drafts, flags doubtful placements and reports the rest", async () => {
      const first = article.plainText.indexOf("mines");
      const report = await importW3cAnnotations(db(), editor, article.id, {
        type: "AnnotationPage",
        items: [
          {
            type: "Annotation",
            body: [
              { type: "TextualBody", purpose: "assessing", value: "False" },
              { type: "TextualBody", value: "The shipment was announced." },
              { type: "SpecificResource", purpose: "linking", source: "https://apnews.com/x", label: "AP" },
              { type: "SpecificResource", purpose: "linking", source: "javascript:alert(1)" },
            ],
            target: [{ source: "https://news.example/a", selector: [{ type: "RangeSelector" }, ...selectorsOf(article.plainText, "anti-personnel mines")] }],
          },
          mines(first + 1),
          { target: { selector: { type: "TextQuoteSelector", exact: "aircraft carriers", prefix: "", suffix: "" } } },
        ],
      });
      expect(report).toEqual({ placed: 2, checkPlacement: 1, unplaced: [{ index: 2, quote: "aircraft carriers", reason: expect.stringContaining("not in the article") }] });
      const stored = await selectArticleAnnotations(db(), article.id);
      expect(stored.map((a) => [a.quote, a.status, a.author.name, a.verdict, a.placementChecked])).toEqual([
        ["anti-personnel mines", "draft", "Eddie Editor", "false", true],
        ["mines", "draft", "Eddie Editor", null, false],
      ]);
      expect(stored[0]!.explanation).toBe("The shipment was announced.");
      expect(stored[0]!.sources.map((source) => [source.url, source.title])).toEqual([["https://apnews.com/x", "AP"]]);
      expect(stored[1]!.selectors[1]).toEqual({ type: "TextPositionSelector", start: first, end: first + 5 });
      // The doubtful one is compared with the file's quote, which no revision of the article held.
      expect(stored.map((a) => a.checked)).toEqual([{ quote: "anti-personnel mines", revision: 1 }, { quote: "mines", revision: null }]);
      const entries = await db().select().from(auditEntries).where(eq(auditEntries.articleId, article.id));
      expect(entries.filter((entry) => entry.subject === "annotation" && entry.action === "created")).toHaveLength(2);
      expect(entries.filter((entry) => entry.subject === "article" && entry.action === "imported")).toHaveLength(1);
    });

    it("maps an unknown verdict to none", async () => {
      await importW3cAnnotations(db(), editor, article.id, { ...mines(article.plainText.indexOf("mines")), body: { purpose: "assessing", value: "Pants on fire" } });
      expect((await selectArticleAnnotations(db(), article.id))[0]!.verdict).toBeNull();
    });

    it.each([
      ["an unknown selector type", [{ target: { selector: { type: "TextQuoteSelector", exact: "Ukraine" } } }, { target: { selector: [{ type: "MagicSelector" }] } }], /^items\.1\.target\.selector\.0\.type$/],
      ["a target without a TextQuoteSelector", [{ target: { selector: [{ type: "TextPositionSelector", start: 0, end: 4 }] } }], /^items\.0\.target\.selector$/],
      ["an empty quote", [{ target: { selector: [{ type: "TextQuoteSelector", exact: "" }] } }], /^items\.0\.target\.selector\.0\.exact$/],
      ["a missing target", [{ body: [] }], /^items\.0\.target/],
      ["an empty page", { type: "AnnotationPage", items: [] }, /^items$/],
      ["a collection without its first page", { type: "AnnotationCollection", first: "https://x.example/p1" }, /^first$/],
      ["a number", 42, /^body$/],
    ])("refuses %s, naming the item and field, and writes nothing", async (_, document, field) => {
      const before = await auditRows();
      const error = await importW3cAnnotations(db(), editor, article.id, document).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(Invalid);
      expect(Object.keys((error as Invalid).fields).some((key) => field.test(key)), JSON.stringify((error as Invalid).fields)).toBe(true);
      expect(await annotationRows()).toBe(0);
      expect(await auditRows()).toBe(before);
    });

    it("is an editor's: a reviewer is refused", async () => {
      await expect(importW3cAnnotations(db(), author, article.id, [mines(article.plainText.indexOf("mines"))])).rejects.toThrow(Forbidden);
      expect(await annotationRows()).toBe(0);
    });

    it("round-trips: an export imported into a copy of the article gives the same quotes and selectors back", async () => {
      const sources = [
        { url: "https://apnews.com/x", title: "AP story", publisher: "Associated Press", quote: "Non-persistent mines deactivate.", accessedAt: "2024-11-21", archiveUrl: "https://archive.ph/abc" },
        { url: "https://www.defense.gov/News/", title: "", publisher: "", quote: "", accessedAt: "2024-11-20", archiveUrl: null },
      ];
      for (const exact of ["United States", "anti-personnel mines", "non-persistent", "only on Ukrainian territory"]) {
        await createAnnotation(db(), author, article.id, { selectors: selectorsOf(article.plainText, exact), ...completeClaim, sources });
      }
      const copy = await addArticle(db());
      const report = await importW3cAnnotations(db(), editor, copy.id, await listing(article.id));
      expect(report).toEqual({ placed: 4, checkPlacement: 0, unplaced: [] });
      const shape = (list: Awaited<ReturnType<typeof selectArticleAnnotations>>) =>
        list.map((a) => ({ quote: a.quote, selectors: a.selectors, verdict: a.verdict, explanation: a.explanation, sources: a.sources }));
      expect(shape(await selectArticleAnnotations(db(), copy.id))).toEqual(shape(await selectArticleAnnotations(db(), article.id)));
    });
  });

  describe("CSV", () => {
    it("has one row per annotation, sources joined, formulas neutralised and quoting as RFC 4180 asks", async () => {
      await createAnnotation(db(), author, article.id, {
        selectors: selectorsOf(article.plainText, "non-persistent"),
        verdict: "false",
        explanation: '=HYPERLINK("https://evil.example","click")',
        sources: [
          { url: "https://a.example/1", accessedAt: "2024-11-20" },
          { url: "https://b.example/2", accessedAt: "2024-11-20" },
        ],
      });
      const { filename, csv } = await annotationsCsv(db(), author, article.id);
      expect(filename).toBe(`${article.id}-annotations.csv`);
      const lines = csv.split("\r\n");
      expect(lines[0]).toBe("id,quote,status,verdict,explanation,author,assignee,created,updated,sources,claimant,claimant_role");
      expect(lines[1]).toContain(`,non-persistent,draft,false,"'=HYPERLINK(""https://evil.example"",""click"")",Rita Reviewer,,`);
      expect(lines[1]).toMatch(/,https:\/\/a\.example\/1 \| https:\/\/b\.example\/2,,$/);
      expect(lines).toHaveLength(3);
    });
  });
});
