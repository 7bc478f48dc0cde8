import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import { annotations, articles, articleTopics, users } from "@/db/schema";
import { assignAnnotation } from "@/lib/annotations/assignment";
import { findEarlierChecks } from "@/lib/annotations/earlier-checks";
import { confirmPlacement, discardAnnotation, reattachAnnotation } from "@/lib/annotations/placement";
import { createAnnotation, deleteAnnotation, getAnnotation, listAnnotations, updateAnnotation } from "@/lib/annotations/service";
import { importArticle } from "@/lib/articles/import/service";
import { previewWebPage } from "@/lib/articles/import/web-page/service";
import { checkOriginalNow, dismissOriginalChange, readOriginalWatch } from "@/lib/articles/original-watch";
import { listDeskTopics, removeTopic, renameTopic } from "@/lib/articles/topic-admin";
import { readArticleTopics, setArticleTopics } from "@/lib/articles/topics";
import { destinationPolicy } from "@/lib/http/destination";
import { listArticles } from "@/lib/articles/list";
import { getArticle } from "@/lib/articles/service";
import { documentFromPlainText } from "@/lib/articles/document";
import { annotationHistory, listAuditEntries } from "@/lib/audit/queries";
import { addComment, deleteComment, editComment, listComments, resolveThread } from "@/lib/comments/service";
import { Forbidden, Unauthenticated } from "@/lib/errors";
import { actInBulk } from "@/lib/reviews/bulk";
import { changeStatus } from "@/lib/reviews/service";
import { importRevision } from "@/lib/revisions/import-version";
import { orphanReplacements } from "@/lib/revisions/orphan-replacement";
import { compareRevisions, listRevisions, restoreRevision, saveRevision } from "@/lib/revisions/service";
import type { Actor } from "@/lib/users/actor";
import { changeSelfRegistration, readSelfRegistration } from "@/lib/users/self-registration";
import { updateUser } from "@/lib/users/service";
import { createUser, listColleagues, listUsers } from "@/lib/users/service";
import { changeSsoIdentity } from "@/lib/users/sso-link";
import { changeOwnPassword, getAccount, renameSelf, signOutEverywhere } from "@/lib/users/account";
import { hashPassword } from "@/lib/users/passwords";
import { listInbox, markInboxSeen } from "@/lib/comments/inbox";
import { annotationsCsv } from "@/lib/exports/annotations-csv";
import { factCheckReport } from "@/lib/exports/report";
import { w3cListing } from "@/lib/interop/w3c/collection";
import { importW3cAnnotations } from "@/lib/interop/w3c/import";
import { publishArticle, readPublication, unpublishArticle } from "@/lib/publishing/service";
import { publicationReadiness } from "@/lib/publishing/readiness";
import { listClaimChanges, setCorrectionNote } from "@/lib/publishing/correction-notes";
import { deskStatistics } from "@/lib/statistics/desk";
import { archiveArticle, deleteArticle, restoreArticle } from "@/lib/articles/archive";
import { updateArticleDetails } from "@/lib/articles/details";
import { startTwoStepSetup, turnOffTwoStepFor, twoStepStatus } from "@/lib/users/two-step";
import { changeTwoStepRequirement, readTwoStepRequirement } from "@/lib/users/two-step-requirement";
import { readPublicSummary, setPublicSummary } from "@/lib/publishing/summary";
import { createWebhook, deleteWebhook, listWebhooks, redeliver, sendTestEvent, updateWebhook } from "@/lib/webhooks/service";
import { deleteReaderMessage, handleReaderMessage, listReaderMessages } from "@/lib/reader-messages/desk";
import { receiveReaderMessage } from "@/lib/reader-messages/receive";
import { describeOnEveryEngine } from "./engines";
import { addArticle, addUser, ARTICLE_TEXT, completeClaim, selectorsOf } from "./fixtures";

/**
 * Every action of the API, run through the service the route calls, by each kind of person:
 * anonymous; a reviewer, an editor on their own claim (or comment) and on someone else's; an admin
 * on someone else's; a disabled user on their own. Each run starts from a fresh claim in the state
 * the action needs, so an allowed action succeeds, and a refused one fails with 401/403 and nothing else.
 */
const KINDS = ["anonymous", "reviewer own", "reviewer other", "editor own", "editor other", "admin", "disabled"] as const;
type Kind = (typeof KINDS)[number];

type Rule = Record<Kind, boolean>;
const rule = (...allowed: Kind[]): Rule => Object.fromEntries(KINDS.map((kind) => [kind, allowed.includes(kind)])) as Rule;
const ACTIVE = rule("reviewer own", "reviewer other", "editor own", "editor other", "admin");
const OWNERS = rule("reviewer own", "editor own");
const REVIEWERS = rule("editor other", "admin");
const PLACERS = rule("reviewer own", "editor own", "editor other", "admin");
const EDITORS = rule("editor own", "editor other", "admin");
const ADMINS = rule("admin");

const WEBHOOK = { url: "https://cms.example/hooks/fact-checks", events: ["fact_check.published"] };

type Setup = { kind: Kind; actor: Actor | null; owner: Actor; other: Actor; articleId: string; plainText: string };
type State = "draft" | "complete" | "in_review" | "approved" | "orphaned" | "unchecked";

describeOnEveryEngine("permissions, for every action of the API", (db) => {
  let people: Record<"reviewer" | "editor" | "admin" | "disabled" | "other", Actor>;
  let article: { id: string; plainText: string };

  beforeEach(async () => {
    people = {
      reviewer: await addUser(db(), "reviewer", { name: "Rita Reviewer" }),
      editor: await addUser(db(), "editor", { name: "Ed Editor" }),
      admin: await addUser(db(), "admin", { name: "Ada Admin" }),
      disabled: await addUser(db(), "reviewer", { name: "Dora Disabled" }),
      other: await addUser(db(), "reviewer", { name: "Olga Other" }),
    };
    article = await addArticle(db());
  });

  /** The article filed under `topic` alone, whatever an earlier kind of person did to its topics. */
  async function fileDirectly(articleId: string, topic: string) {
    await db().delete(articleTopics).where(eq(articleTopics.articleId, articleId));
    await db().insert(articleTopics).values({ articleId, position: 0, name: topic });
  }

  function setupFor(kind: Kind): Setup {
    const actor = kind === "anonymous" ? null : people[kind.split(" ")[0] as "reviewer" | "editor" | "admin" | "disabled"];
    const owner = kind.endsWith("own") || kind === "disabled" ? actor! : people.other;
    const other = owner.id === people.other.id ? people.reviewer : people.other;
    return { kind, actor: kind === "disabled" ? { ...actor!, disabled: true } : actor, owner, other, articleId: article.id, plainText: article.plainText };
  }

  /** A claim by `owner` in `state`, made the way people make it, plus direct writes for what only a revision can cause. */
  async function claimIn(state: State, owner: Actor) {
    const content = state === "draft" ? {} : completeClaim;
    const claim = await createAnnotation(db(), owner, article.id, { selectors: selectorsOf(article.plainText, "anti-personnel mines"), ...content });
    if (state === "in_review" || state === "approved") await changeStatus(db(), owner, claim.id, { to: "in_review", version: 1 });
    if (state === "approved") await changeStatus(db(), people.admin.id === owner.id ? people.editor : people.admin, claim.id, { to: "approved", version: 2 });
    if (state === "orphaned") await db().update(annotations).set({ orphanedAt: new Date(), anchorConfidence: 0 }).where(eq(annotations.id, claim.id));
    if (state === "unchecked") await db().update(annotations).set({ placementChecked: false, anchorConfidence: 0.6 }).where(eq(annotations.id, claim.id));
    return getAnnotation(db(), owner, claim.id);
  }

  const newArticleText = { format: "text", content: "A new story\nWith one paragraph." };
  const ACTIONS: [string, Rule, (s: Setup) => Promise<unknown>][] = [
    ["list an article's annotations", ACTIVE, (s) => listAnnotations(db(), s.actor, s.articleId)],
    ["read an annotation", ACTIVE, async (s) => getAnnotation(db(), s.actor, (await claimIn("draft", s.owner)).id)],
    ["create an annotation (flag a claim)", ACTIVE, (s) => createAnnotation(db(), s.actor, s.articleId, { selectors: selectorsOf(s.plainText, "Ukraine") })],
    ["edit an annotation", OWNERS, async (s) => updateAnnotation(db(), s.actor, (await claimIn("draft", s.owner)).id, { version: 1, explanation: "Edited." })],
    ["delete an annotation", rule("reviewer own", "editor own", "admin"), async (s) => deleteAnnotation(db(), s.actor, (await claimIn("draft", s.owner)).id, 1)],
    ["submit for review", OWNERS, async (s) => changeStatus(db(), s.actor, (await claimIn("complete", s.owner)).id, { to: "in_review", version: 1 })],
    ["approve", REVIEWERS, async (s) => changeStatus(db(), s.actor, (await claimIn("in_review", s.owner)).id, { to: "approved", version: 2 })],
    ["request changes", REVIEWERS, async (s) => changeStatus(db(), s.actor, (await claimIn("in_review", s.owner)).id, { to: "changes_requested", comment: "Why?", version: 2 })],
    ["reject", REVIEWERS, async (s) => changeStatus(db(), s.actor, (await claimIn("in_review", s.owner)).id, { to: "rejected", version: 2 })],
    ["reopen", REVIEWERS, async (s) => changeStatus(db(), s.actor, (await claimIn("approved", s.owner)).id, { to: "in_review", comment: "New facts.", version: 3 })],
    ["re-attach an orphan", PLACERS, async (s) => reattachAnnotation(db(), s.actor, (await claimIn("orphaned", s.owner)).id, { version: 1, selectors: selectorsOf(s.plainText, "Ukraine") })],
    ["discard an orphan", PLACERS, async (s) => discardAnnotation(db(), s.actor, (await claimIn("orphaned", s.owner)).id, { version: 1 })],
    ["confirm a doubtful placement", PLACERS, async (s) => confirmPlacement(db(), s.actor, (await claimIn("unchecked", s.owner)).id, { version: 1, revision: 1 })],
    ["assign to someone else with a due date", EDITORS, async (s) => assignAnnotation(db(), s.actor, (await claimIn("draft", s.owner)).id, { assigneeId: s.other.id, dueOn: "2030-01-01" })],
    ["take an unassigned claim", ACTIVE, async (s) => assignAnnotation(db(), s.actor, (await claimIn("draft", s.owner)).id, { assigneeId: s.actor?.id ?? s.owner.id })],
    ["assign in bulk", EDITORS, async (s) => actInBulk(db(), s.actor, { action: "assign", ids: [(await claimIn("draft", s.owner)).id], assigneeId: s.other.id })],
    ["read the discussion", ACTIVE, async (s) => listComments(db(), s.actor, (await claimIn("draft", s.owner)).id)],
    ["comment", ACTIVE, async (s) => addComment(db(), s.actor, (await claimIn("draft", s.owner)).id, { body: "A question." })],
    ["edit a comment", OWNERS, async (s) => editComment(db(), s.actor, (await commentBy(s.owner)).id, { body: "Edited." })],
    ["delete a comment", OWNERS, async (s) => deleteComment(db(), s.actor, (await commentBy(s.owner)).id)],
    ["resolve a thread", ACTIVE, async (s) => resolveThread(db(), s.actor, (await commentBy(s.owner)).id, { resolved: true })],
    ["read an annotation's history", ACTIVE, async (s) => annotationHistory(db(), s.actor, (await claimIn("draft", s.owner)).id)],
    ["ask what replaced the orphans' text", ACTIVE, (s) => orphanReplacements(db(), s.actor, s.articleId)],
    ["find the approved claims like a claim", ACTIVE, async (s) => findEarlierChecks(db(), s.actor, { quote: (await claimIn("approved", s.owner)).quote })],
    ["list articles", ACTIVE, (s) => listArticles(db(), s.actor)],
    ["read an article", ACTIVE, (s) => getArticle(db(), s.actor, s.articleId)],
    ["import an article", EDITORS, (s) => importArticle(db(), s.actor, newArticleText)],
    ["fetch an article from its web address", EDITORS, (s) => servingPage("<article><h1>A new story</h1><p>With one paragraph.</p></article>", (url) => previewWebPage(s.actor, { url }, destinationPolicy("127.0.0.1")))],
    ["read what the desk knows of the article's original", ACTIVE, (s) => readOriginalWatch(db(), s.actor, s.articleId)],
    ["read the article's original now", EDITORS, async (s) => {
      await db().update(articles).set({ originalUrl: "https://news.example/story" }).where(eq(articles.id, s.articleId));
      return checkOriginalNow(db(), s.actor, s.articleId, 6, async () => ({ plainText: ARTICLE_TEXT }));
    }],
    ["dismiss a change of the original", EDITORS, (s) => dismissOriginalChange(db(), s.actor, s.articleId)],
    ["file an article under topics", EDITORS, (s) => setArticleTopics(db(), s.actor, s.articleId, { topics: ["Health"] })],
    ["read an article's topics", ACTIVE, (s) => readArticleTopics(db(), s.actor, s.articleId)],
    ["list the desk's topics", ACTIVE, (s) => listDeskTopics(db(), s.actor)],
    ["rename a topic on every article", EDITORS, async (s) => {
      await fileDirectly(s.articleId, "Helth");
      return renameTopic(db(), s.actor, { from: "Helth", to: "Health" });
    }],
    ["remove a topic from every article", EDITORS, async (s) => {
      await fileDirectly(s.articleId, "Health");
      return removeTopic(db(), s.actor, { name: "Health" });
    }],
    ["save a revision", EDITORS, async (s) => saveRevision(db(), s.actor, s.articleId, { baseRevision: await currentRevision(), doc: documentFromPlainText(`${ARTICLE_TEXT}\nMore.`).toJSON() })],
    ["restore an older revision", EDITORS, async (s) => {
      const base = await currentRevision();
      await saveRevision(db(), people.editor, s.articleId, { baseRevision: base, doc: documentFromPlainText(`${ARTICLE_TEXT}\nMore.`).toJSON() });
      return restoreRevision(db(), s.actor, s.articleId, base, { baseRevision: base + 1 });
    }],
    ["import a newer version", EDITORS, async (s) => importRevision(db(), s.actor, s.articleId, { baseRevision: await currentRevision(), ...newArticleText })],
    ["list and compare revisions", ACTIVE, async (s) => [await listRevisions(db(), s.actor, s.articleId), await compareRevisions(db(), s.actor, s.articleId, 1, 1)]],
    ["read whether an article is public, and what its page shows and what waits", ACTIVE, async (s) => [await readPublication(db(), s.actor, s.articleId), await publicationReadiness(db(), s.actor, s.articleId)]],
    ["publish an article", EDITORS, async (s) => {
      if ((await readPublication(db(), people.admin, s.articleId)).publishedAt) await unpublishArticle(db(), people.admin, s.articleId);
      return publishArticle(db(), s.actor, s.articleId);
    }],
    ["unpublish an article", EDITORS, async (s) => {
      if (!(await readPublication(db(), people.admin, s.articleId)).publishedAt) await publishArticle(db(), people.admin, s.articleId);
      return unpublishArticle(db(), s.actor, s.articleId);
    }],
    ["list the changes a public page tells readers of", ACTIVE, (s) => listClaimChanges(db(), s.actor, s.articleId)],
    ["write a note to readers on a public correction", EDITORS, async (s) => {
      const claim = await claimIn("approved", s.owner);
      if (!(await readPublication(db(), people.admin, s.articleId)).publishedAt) await publishArticle(db(), people.admin, s.articleId);
      await changeStatus(db(), people.admin.id === s.owner.id ? people.editor : people.admin, claim.id, { to: "in_review", comment: "New facts.", version: 3 });
      const withdrawal = (await listClaimChanges(db(), people.admin, s.articleId)).find((change) => change.claimId === claim.id)!;
      return setCorrectionNote(db(), s.actor, s.articleId, { event: withdrawal.eventIds[0], note: "We are checking new figures." });
    }],
    ["import W3C annotations", EDITORS, (s) => importW3cAnnotations(db(), s.actor, s.articleId, [{ target: { selector: selectorsOf(s.plainText, "Ukraine") } }])],
    ["export annotations (W3C, CSV, report)", ACTIVE, async (s) => [
      await (await w3cListing(db(), s.actor, s.articleId, { appUrl: "https://desk.example" })).render(),
      await annotationsCsv(db(), s.actor, s.articleId),
      await factCheckReport(db(), s.actor, s.articleId),
    ]],
    ["list users", ADMINS, (s) => listUsers(db(), s.actor)],
    ["add a user", ADMINS, (s) => createUser(db(), s.actor, { email: `new-${s.kind.replace(" ", "-")}@example.com`, name: "New", role: "reviewer", password: "a long enough password" })],
    ["change a user", ADMINS, (s) => updateUser(db(), s.actor, s.other.id, { role: "editor" })],
    ["link, dismiss or unlink a user's single sign-on", ADMINS, async (s) => {
      await db().update(users).set({ oidcIssuer: "https://id.example", oidcSubject: s.other.id }).where(eq(users.id, s.other.id));
      return changeSsoIdentity(db(), s.actor, s.other.id, { action: "unlink" });
    }],
    ["read and rename one's own account", ACTIVE, async (s) => [await getAccount(db(), s.actor), await renameSelf(db(), s.actor, { name: "A New Name" })]],
    ["change one's own password", ACTIVE, async (s) => {
      await db().update(users).set({ passwordHash: await hashPassword("the old password") }).where(eq(users.id, s.actor?.id ?? s.owner.id));
      return changeOwnPassword(db(), s.actor, { currentPassword: "the old password", newPassword: "the new password" });
    }],
    ["start setting up two-step sign-in, and read whether it is on", ACTIVE, async (s) => [await startTwoStepSetup(db(), s.actor), await twoStepStatus(db(), s.actor)]],
    ["turn off a colleague's two-step sign-in", ADMINS, async (s) => {
      await db().update(users).set({ totpSecret: "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", totpEnabledAt: new Date() }).where(eq(users.id, s.other.id));
      return turnOffTwoStepFor(db(), s.actor, s.other.id);
    }],
    ["sign out everywhere", ACTIVE, (s) => signOutEverywhere(db(), s.actor)],
    ["list colleagues to mention or assign", ACTIVE, (s) => listColleagues(db(), s.actor, "")],
    ["read one's inbox and mark it read", ACTIVE, async (s) => [await listInbox(db(), s.actor), await markInboxSeen(db(), s.actor, { until: new Date().toISOString() })]],
    ["read the audit trail", ADMINS, (s) => listAuditEntries(db(), s.actor, {})],
    ["read the desk's statistics", EDITORS, (s) => deskStatistics(db(), s.actor, {})],
    ["read the self-registration setting", ADMINS, (s) => readSelfRegistration(db(), s.actor)],
    ["switch self-registration", ADMINS, (s) => changeSelfRegistration(db(), s.actor, { enabled: false })],
    ["read and change whether two-step sign-in is required", ADMINS, async (s) => [await readTwoStepRequirement(db(), s.actor), await changeTwoStepRequirement(db(), s.actor, { required: false })]],
    ["read the summary for readers", ACTIVE, (s) => readPublicSummary(db(), s.actor, s.articleId)],
    ["archive an article and restore it", EDITORS, async (s) => [await archiveArticle(db(), s.actor, s.articleId), await restoreArticle(db(), s.actor, s.articleId)]],
    ["delete an article imported by mistake", EDITORS, async (s) => deleteArticle(db(), s.actor, (await addArticle(db())).id)],
    ["correct the article's details", EDITORS, (s) => updateArticleDetails(db(), s.actor, s.articleId, { title: "Mines for Ukraine, corrected" })],
    ["write the summary for readers", EDITORS, (s) => setPublicSummary(db(), s.actor, s.articleId, { summary: "In short." })],
    ["read readers' messages, mark one handled and new again, and delete it", EDITORS, async (s) => {
      if (!(await readPublication(db(), people.editor, s.articleId)).publishedAt) await publishArticle(db(), people.editor, s.articleId);
      await receiveReaderMessage(db(), "mines-for-ukraine", { message: "The date is wrong." }, `sender ${s.kind}`);
      const { messages } = await listReaderMessages(db(), s.actor, {});
      await handleReaderMessage(db(), s.actor, messages[0]!.id, { handled: true });
      await handleReaderMessage(db(), s.actor, messages[0]!.id, { handled: false });
      return deleteReaderMessage(db(), s.actor, messages[0]!.id);
    }],
    ["list webhooks and add one", ADMINS, async (s) => [await listWebhooks(db(), s.actor), await createWebhook(db(), s.actor, WEBHOOK)]],
    ["change, test and delete a webhook, and send a delivery again", ADMINS, async (s) => {
      const webhook = await createWebhook(db(), people.admin, WEBHOOK);
      const tested = await sendTestEvent(db(), s.actor, webhook.id);
      await redeliver(db(), s.actor, tested.deliveries[0]!.id);
      await updateWebhook(db(), s.actor, webhook.id, { active: false });
      return deleteWebhook(db(), s.actor, webhook.id);
    }],
  ];

  const currentRevision = async () => (await getArticle(db(), people.admin, article.id)).revision;

  async function commentBy(author: Actor) {
    const claim = await claimIn("draft", people.other.id === author.id ? people.reviewer : people.other);
    return addComment(db(), author, claim.id, { body: "Mine." });
  }

  /** Runs `visit` with the address of `html`, served on this machine while it runs. */
  async function servingPage<T>(html: string, visit: (url: string) => Promise<T>): Promise<T> {
    const server = createServer((_, response) => response.writeHead(200, { "Content-Type": "text/html" }).end(html));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      return await visit(`http://127.0.0.1:${(server.address() as AddressInfo).port}/story`);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  }

  for (const [action, allowed, run] of ACTIONS) {
    it(`${action}: ${KINDS.filter((kind) => allowed[kind]).join(", ") || "nobody"}`, async () => {
      for (const kind of KINDS) {
        const setup = setupFor(kind);
        const outcome = await run(setup).then(
          () => "allowed",
          (error: unknown) => (error instanceof Unauthenticated ? "401" : error instanceof Forbidden ? "403" : `failed: ${String(error)}`),
        );
        const expected = !allowed[kind] ? (kind === "anonymous" ? "401" : "403") : "allowed";
        expect(`${kind}: ${outcome}`).toBe(`${kind}: ${expected}`);
      }
    });
  }
});
