import { eq } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import { annotations } from "@/db/schema";
import { createAnnotation, getAnnotation, updateAnnotation } from "@/lib/annotations/service";
import { listAuditEntries } from "@/lib/audit/queries";
import { describeEntry } from "@/lib/audit/describe";
import { annotationsCsv } from "@/lib/exports/annotations-csv";
import { w3cListing } from "@/lib/interop/w3c/collection";
import { importW3cAnnotations } from "@/lib/interop/w3c/import";
import { claimantScorecard } from "@/lib/publishing/claimant-scorecard";
import { embeddedFactCheck } from "@/lib/publishing/embedded-fact-check";
import { claimsByClaimant, listPublished, publishedClaimsOf } from "@/lib/publishing/public-index";
import { publicArticleBySlug } from "@/lib/publishing/public-view";
import { publishArticle } from "@/lib/publishing/service";
import { changeStatus } from "@/lib/reviews/service";
import type { Actor } from "@/lib/users/actor";
import { describeOnEveryEngine } from "./engines";
import { addArticle, addDesk, addUser, completeClaim, rowCount, selectorsOf } from "./fixtures";

const PESKOV = { name: "Dmitry Peskov", kind: "person", role: "Kremlin spokesman" } as const;

describeOnEveryEngine("who made a claim", (db) => {
  let author: Actor;
  let editor: Actor;
  let admin: Actor;
  let article: { id: string; plainText: string };

  beforeEach(async () => {
    ({ author, editor, article } = await addDesk(db()));
    admin = await addUser(db(), "admin", { name: "Ada Admin" });
  });

  const createDraft = (input: object = {}, quote = "anti-personnel mines") =>
    createAnnotation(db(), author, article.id, { selectors: selectorsOf(article.plainText, quote), ...input });

  it("keeps who made the claim with the draft: a person unless said, a blank role as none", async () => {
    const named = await createDraft({ claimant: { name: "  The Pentagon ", kind: "organization", role: " " } });
    expect(named.claimant).toEqual({ name: "The Pentagon", kind: "organization", role: null });
    const person = await createDraft({ claimant: { name: "Dmitry Peskov", role: "Kremlin spokesman" } }, "non-persistent");
    expect((await getAnnotation(db(), author, person.id)).claimant).toEqual(PESKOV);
    expect((await createDraft({}, "Ukrainian territory")).claimant).toBeNull();
  });

  it("refuses a claimant without a name, of an unknown kind or too long, naming the field and writing nothing", async () => {
    await expect(createDraft({ claimant: { name: " ", role: "governor" } })).rejects.toMatchObject({ name: "Invalid", fields: { "claimant.name": "is required" } });
    await expect(createDraft({ claimant: { name: "X", kind: "robot" } })).rejects.toMatchObject({ name: "Invalid", fields: { "claimant.kind": "must be one of person, organization" } });
    await expect(createDraft({ claimant: { name: "X", role: "r".repeat(201) } })).rejects.toMatchObject({ name: "Invalid", fields: { "claimant.role": "must be at most 200 characters" } });
    await expect(createDraft({ claimant: { name: "X", party: "none" } })).rejects.toMatchObject({ name: "Invalid", fields: { claimant: expect.any(String) } });
    expect(await rowCount(db(), annotations)).toBe(0);
  });

  it("lets the author name, change and remove the claimant, each change audited in words", async () => {
    const created = await createDraft();
    const named = await updateAnnotation(db(), author, created.id, { version: 1, claimant: PESKOV });
    expect(named.claimant).toEqual(PESKOV);
    const kept = await updateAnnotation(db(), author, created.id, { version: 2, explanation: "Checked." });
    expect(kept.claimant).toEqual(PESKOV);
    const removed = await updateAnnotation(db(), author, created.id, { version: 3, claimant: null });
    expect(removed.claimant).toBeNull();
    const entries = (await listAuditEntries(db(), admin, { action: "updated" })).entries.filter((entry) => entry.subjectId === created.id);
    expect(entries.map(describeEntry).reverse()).toEqual([
      "changed who made it from nobody named to Dmitry Peskov, Kremlin spokesman",
      "changed the explanation",
      "changed who made it from Dmitry Peskov, Kremlin spokesman to nobody named",
    ]);
  });

  it("is refused by the database when only half a claimant is stored", async () => {
    const created = await createDraft();
    await expect(db().update(annotations).set({ claimantRole: "governor" }).where(eq(annotations.id, created.id))).rejects.toThrow();
    await expect(db().update(annotations).set({ claimantName: "X" }).where(eq(annotations.id, created.id))).rejects.toThrow();
  });

  it("shows readers who made an approved claim on the public page, in the feed and in the fact-check's embed", async () => {
    const created = await createDraft({ ...completeClaim, claimant: PESKOV });
    const { version } = await changeStatus(db(), author, created.id, { to: "in_review", version: 1 });
    await changeStatus(db(), editor, created.id, { to: "approved", version });
    const { slug } = await publishArticle(db(), editor, article.id);
    const view = await publicArticleBySlug(db(), slug!, { showReviewers: false });
    expect(view!.claims.map((claim) => claim.claimant)).toEqual([PESKOV]);
    expect((await publishedClaimsOf(db(), [article.id])).get(article.id)!.map((claim) => claim.claimant)).toEqual([PESKOV]);
    expect((await embeddedFactCheck(db(), slug!))!.claims.map((claim) => claim.claimant)).toEqual([PESKOV]);
  });

  it("finds readers the published fact-checks of one claimant's claims, and by words of who made them", async () => {
    const approve = async (articleId: string, quote: string, plainText: string, input: object) => {
      const created = await createAnnotation(db(), author, articleId, { selectors: selectorsOf(plainText, quote), ...completeClaim, ...input });
      const { version } = await changeStatus(db(), author, created.id, { to: "in_review", version: 1 });
      await changeStatus(db(), editor, created.id, { to: "approved", version });
      return created.id;
    };
    const other = await addArticle(db());
    const peskovFalse = await approve(article.id, "anti-personnel mines", article.plainText, { claimant: PESKOV, verdict: "false" });
    await approve(article.id, "non-persistent", article.plainText, { claimant: { name: "The Pentagon", kind: "organization" }, verdict: "true" });
    await approve(other.id, "Ukrainian territory", other.plainText, { claimant: { name: "The Pentagon", kind: "organization" }, verdict: "mostly_true" });
    // A draft's claimant is not the public's to search.
    await createAnnotation(db(), author, other.id, { selectors: selectorsOf(other.plainText, "non-persistent"), claimant: PESKOV });
    await publishArticle(db(), editor, article.id);
    await publishArticle(db(), editor, other.id);
    const found = async (search: { q?: string; claimant?: string; verdict?: "" | "true" | "false" }) =>
      (await listPublished(db(), { offset: 0, limit: 20, search: { q: "", claimant: "", verdict: "", topic: "", ...search } })).factChecks.map((factCheck) => factCheck.id).sort();

    expect(await found({ claimant: "dmitry PESKOV" })).toEqual([article.id]);
    expect(await found({ claimant: "Peskov" })).toEqual([]);
    expect(await found({ claimant: "The Pentagon" })).toEqual([article.id, other.id].sort());
    expect(await found({ q: "pentagon" })).toEqual([article.id, other.id].sort());
    // The verdict asked for is that of the claimant's own claim, not of any claim on the page.
    expect(await found({ claimant: "The Pentagon", verdict: "false" })).toEqual([]);
    expect(await found({ claimant: "Dmitry Peskov", verdict: "false" })).toEqual([article.id]);
    expect(await claimsByClaimant(db(), [article.id, other.id], "dmitry peskov")).toEqual(new Map([[article.id, [{ id: peskovFalse, quote: "anti-personnel mines", verdict: "false" }]]]));
  });

  it("keeps each claimant's public record: their claims readers can see, counted by verdict, named as their latest claim names them", async () => {
    const approve = async (on: { id: string; plainText: string }, quote: string, input: object) => {
      const created = await createAnnotation(db(), author, on.id, { selectors: selectorsOf(on.plainText, quote), ...completeClaim, ...input });
      const { version } = await changeStatus(db(), author, created.id, { to: "in_review", version: 1 });
      await changeStatus(db(), editor, created.id, { to: "approved", version });
    };
    const unpublished = await addArticle(db());
    await approve(article, "anti-personnel mines", { claimant: PESKOV, verdict: "false" });
    await approve(article, "non-persistent", { claimant: PESKOV, verdict: "mostly_true" });
    await approve(article, "Ukrainian territory", { claimant: { name: "DMITRY PESKOV", role: "Kremlin press secretary" }, verdict: "false" });
    // Neither a claim in review nor one on an unpublished article is on his public record.
    await approve(unpublished, "anti-personnel mines", { claimant: PESKOV, verdict: "true" });
    const inReview = await createAnnotation(db(), author, unpublished.id, { selectors: selectorsOf(unpublished.plainText, "non-persistent"), ...completeClaim, claimant: PESKOV, verdict: "half_true" });
    await changeStatus(db(), author, inReview.id, { to: "in_review", version: 1 });
    expect(await claimantScorecard(db(), "Dmitry Peskov")).toBeNull();
    await publishArticle(db(), editor, article.id);

    expect(await claimantScorecard(db(), "dmitry peskov")).toEqual({
      claimant: { name: "DMITRY PESKOV", kind: "person", role: "Kremlin press secretary" },
      verdicts: [
        { verdict: "mostly_true", count: 1 },
        { verdict: "false", count: 2 },
      ],
      claims: 3,
    });
    expect(await claimantScorecard(db(), "Peskov")).toBeNull();
  });

  it("travels in the W3C export as the reviewed claim's author and comes back with an import; the CSV has it last", async () => {
    await createDraft({ claimant: PESKOV });
    await createDraft({ claimant: { name: "The Pentagon", kind: "organization", role: "US defense department" } }, "non-persistent");
    const collection = JSON.parse(await (await w3cListing(db(), author, article.id, { appUrl: "https://desk.example", complete: true })).render()) as {
      first: { items: Record<string, unknown>[] };
    };
    expect(collection.first.items.map((item) => item["schema:itemReviewed"])).toEqual([
      { type: "schema:Claim", "schema:author": { type: "schema:Person", "schema:name": "Dmitry Peskov", "schema:jobTitle": "Kremlin spokesman" } },
      { type: "schema:Claim", "schema:author": { type: "schema:Organization", "schema:name": "The Pentagon", "schema:description": "US defense department" } },
    ]);
    const copy = await addArticle(db());
    expect((await importW3cAnnotations(db(), editor, copy.id, collection)).placed).toBe(2);
    const imported = await db().select({ name: annotations.claimantName, kind: annotations.claimantKind, role: annotations.claimantRole }).from(annotations).where(eq(annotations.articleId, copy.id));
    expect(imported).toEqual(
      expect.arrayContaining([
        { name: "Dmitry Peskov", kind: "person", role: "Kremlin spokesman" },
        { name: "The Pentagon", kind: "organization", role: "US defense department" },
      ]),
    );
    const lines = (await annotationsCsv(db(), author, article.id)).csv.split("\r\n");
    expect(lines[0]).toMatch(/,sources,claimant,claimant_role$/);
    expect(lines[1]).toMatch(/,Dmitry Peskov,Kremlin spokesman$/);
  });
});
