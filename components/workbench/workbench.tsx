"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { AnnotationDetail, AnnotationRecord } from "@/lib/annotations/record";
import { documentFromJSON, indexTextblocks, positionOfOffset } from "@/lib/articles/document";
import type { ClaimHighlight } from "@/lib/editor/claim-highlights";
import type { ClaimSelection } from "@/lib/editor/selection";
import { WORKBENCH_SHORTCUTS } from "@/lib/keyboard/shortcuts";
import type { OriginalWatch } from "@/lib/articles/original-watch";
import type { Actor } from "@/lib/users/actor";
import { ApiError } from "../api-client";
import { useConfirm } from "../confirm-dialog";
import { ShortcutsHelp } from "../keyboard/shortcuts-help";
import { AnnotationForm } from "./annotation-form";
import { annotationApi } from "./annotation-api";
import { ArticleEditor, type ArticleEditorHandle } from "./article-editor";
import { claimantDraftOf, draftOf, emptyDraft, withSources, type ClaimDraft, type ClaimPayload } from "./claim-draft";
import { namedClaimants } from "@/lib/annotations/claimant";
import { searchWords } from "@/lib/annotations/claim-search";
import { overlappingClaims } from "@/lib/annotations/overlapping-claims";
import { ClaimsPanel, isShown, type StatusFilter } from "./claims-panel";
import { ClaimStoreContext } from "./claim-store";
import { OrphansPanel } from "./orphans-panel";
import { OverlapNote } from "./overlap-note";
import { EarlierChecks } from "./earlier-checks";
import { useOrphanReplacements } from "./replacement-offer";
import { claimLabel } from "./labels";
import { RevisionBar } from "./revision-bar";
import { useArticleRevision } from "./use-article-revision";
import { useCardActions, type CardError } from "./use-card-actions";
import { useClaimKeys } from "./use-claim-keys";
import { useClaims } from "./use-claims";
import { usePublication } from "../publishing/publication-context";
import { useOpenClaim } from "./use-open-claim";
import { useMarkArticleRead, useMarkClaimRead } from "../inbox/use-mark-read";
import { useNewClaimFollowsRevision } from "./use-new-claim-follows-revision";
import { useUnsavedForm, type OpenForm } from "./use-unsaved-form";
import { LivePresence } from "./live-presence";
import { useFollowArticle } from "./use-follow-article";

type Props = {
  articleId: string;
  doc: unknown;
  revision: number;
  actor: Actor;
  canEditArticle: boolean;
  /** The address of the original article, where a new version may be fetched from. */
  originalUrl?: string | null;
  /** What the desk knows of the original at that address (whether it changed). */
  original?: OriginalWatch | null;
  /** The claim to open once loaded, from the page's `?annotation=<id>`. */
  openClaimId?: string | null;
};

/** Under a new claim's quote: what a revision saved since its text was selected did to that text. */
function NewClaimRevised({ revision, outcome }: NonNullable<Extract<OpenForm, { mode: "create" }>["revised"]>) {
  return outcome === "removed" ? (
    <div className="conflict annotation-form__revised" role="alert">
      <p>Revision {revision} removed the text you selected. Select the claim&apos;s text in the article again to attach what you have written: it is kept.</p>
    </div>
  ) : (
    <div className="notice annotation-form__revised" role="status">
      <p>Revision {revision} changed the text you selected: the quote above is how it reads now. Check that your claim still fits it before saving.</p>
    </div>
  );
}

/** The article page: the article with its highlighted claims, and the side panel of claims and the annotation form. */
export function Workbench({ articleId, doc: initialDoc, revision, actor, canEditArticle, originalUrl = null, original = null, openClaimId = null }: Props) {
  const { annotations, loading, reload, store, forget } = useClaims(articleId);
  // Tells the publishing tools when what the public page shows of the claims may have changed.
  const { setClaimsSignature } = usePublication();
  const claimsSignature = useMemo(
    () => annotations.map((claim) => `${claim.id}:${claim.status}:${claim.verdict}:${claim.orphaned}:${claim.placementChecked}`).join(","),
    [annotations],
  );
  useEffect(() => setClaimsSignature(claimsSignature), [claimsSignature, setClaimsSignature]);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [currentId, setCurrentId] = useState<string | null>(null);
  const [filter, setFilter] = useState<StatusFilter>("all");
  const [search, setSearch] = useState("");
  const words = useMemo(() => searchWords(search), [search]);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const editor = useRef<ArticleEditorHandle>(null);
  const [cardError, setCardError] = useState<CardError | null>(null);
  const [form, setForm] = useUnsavedForm(articleId, actor.id);
  const [conflict, setConflict] = useState<string | null>(null);
  const { confirm, dialog: confirmDialog } = useConfirm();

  const article = useArticleRevision(articleId, actor.id, { doc: initialDoc, revision }, reload);
  const doc = article.saved.doc;
  const savedRevision = article.saved.revision;
  const index = useMemo(() => indexTextblocks(documentFromJSON(doc)), [doc]);
  const placed = useMemo(() => annotations.filter((annotation) => !annotation.orphaned), [annotations]);
  const orphans = useMemo(() => annotations.filter((annotation) => annotation.orphaned), [annotations]);
  const claimants = useMemo(() => namedClaimants(annotations), [annotations]);
  const [reattaching, setReattaching] = useState<AnnotationRecord | null>(null);
  const replacements = useOrphanReplacements(articleId, savedRevision, orphans);
  const highlights = useMemo<ClaimHighlight[]>(
    () =>
      placed.map((annotation) => ({
        id: annotation.id,
        from: positionOfOffset(index, annotation.selectors[1].start),
        to: positionOfOffset(index, annotation.selectors[1].end),
        status: annotation.status,
        verdict: annotation.verdict,
        label: claimLabel(annotation),
      })),
    [placed, index],
  );

  useNewClaimFollowsRevision(articleId, form, setForm, { revision: savedRevision, plainText: index.plainText });
  const live = useFollowArticle({ articleId, actor, article, form, store, forget, reload, onConflict: setConflict });

  const loadDetail = useCallback(
    (id: string) => {
      annotationApi.get(id).then(store, (error: unknown) => {
        if (error instanceof ApiError) setCardError({ id, message: error.message });
      });
    },
    [store],
  );

  /** Opens a claim's card, which makes it the current claim too. */
  const activate = useCallback(
    (id: string) => {
      setActiveId(id);
      setCurrentId(id);
      setCardError(null);
      loadDetail(id);
    },
    [loadDetail],
  );

  useOpenClaim(openClaimId, loading, annotations, activate);
  const active = annotations.find((annotation) => annotation.id === activeId);
  useMarkClaimRead(activeId, active && `${active.updatedAt} ${active.discussionStamp}`);
  useMarkArticleRead(articleId);
  const { flag, reattach, discard, confirmPlacement, takeAction, remove } = useCardActions({
    articleId,
    savedRevision,
    store,
    forget,
    activate,
    loadDetail,
    setActiveId,
    setCardError,
  });

  const reattachTo = useCallback((orphan: AnnotationRecord, selectors: ClaimSelection["selectors"]) => void reattach(orphan, selectors), [reattach]);

  const focusFromHighlight = useCallback(
    (id: string) => {
      // The claim clicked in the text shows in the panel, whatever it was filtered by.
      setFilter((current) => (current === "all" ? current : "all"));
      setSearch("");
      activate(id);
    },
    [activate],
  );

  const startClaim = useCallback(
    (selection: ClaimSelection) => {
      if (reattaching) {
        void reattach(reattaching, selection.selectors).then((done) => done && setReattaching(null));
        return;
      }
      setConflict(null);
      // A new claim whose text a revision removed: the new selection is its text, and what was typed stays.
      if (form?.mode === "create" && form.revised?.outcome === "removed") {
        setForm({ ...form, startedAt: Date.now(), selectors: selection.selectors, revision: savedRevision, revised: undefined });
        return;
      }
      const fresh = () => setForm({ mode: "create", startedAt: Date.now(), selectors: selection.selectors, revision: savedRevision, draft: emptyDraft() });
      if (!form) return fresh();
      void confirm({
        question: form.mode === "create" ? "Discard the claim you have not saved yet?" : "Discard your unsaved changes to this claim?",
        detail: "The form closes without saving, and a new claim starts on the text you selected.",
        action: "Discard and start the new claim",
        destructive: true,
      }).then((yes) => yes && fresh());
    },
    [form, setForm, confirm, reattaching, reattach, savedRevision],
  );

  async function save(open: OpenForm, payload: ClaimPayload, submit: boolean) {
    let record: AnnotationRecord | AnnotationDetail;
    if (open.mode === "create") {
      if (open.revised?.outcome === "removed") {
        throw new ApiError(409, "Select the claim's text in the article first: a revision removed the text this claim was on.");
      }
      record = await annotationApi.create(articleId, open.selectors, payload);
      store(record);
      // From here on the claim exists: a failed submission must not create it twice.
      setForm({ mode: "edit", annotationId: record.id, version: record.version, quote: record.quote, draft: open.draft });
    } else {
      try {
        record = await annotationApi.update(open.annotationId, open.version, payload);
      } catch (error) {
        if (error instanceof ApiError && error.status === 409) setConflict(error.message);
        throw error;
      }
      store(record);
      setForm({ ...open, version: record.version });
    }
    if (submit) record = await annotationApi.changeStatus(record.id, record.version, "in_review");
    store(record);
    setForm(null);
    setConflict(null);
    activate(record.id);
  }

  async function reloadConflicted(open: Extract<OpenForm, { mode: "edit" }>) {
    const latest = await annotationApi.get(open.annotationId);
    store(latest);
    setForm({ ...open, version: latest.version });
    setConflict(null);
  }

  const edit = useCallback(
    (annotation: AnnotationRecord) =>
      setForm({ mode: "edit", annotationId: annotation.id, version: annotation.version, quote: annotation.quote, draft: draftOf(annotation) }),
    [setForm],
  );

  useEffect(() => {
    if (loading === "loaded" && form?.mode === "edit" && !annotations.some((a) => a.id === form.annotationId)) setForm(null);
  }, [loading, annotations, form, setForm]);

  // A claim deleted or discarded is nobody's current claim.
  const current = currentId && placed.some((annotation) => annotation.id === currentId) ? currentId : null;
  const shownIds = useMemo(() => placed.filter((annotation) => isShown(annotation, filter, words)).map((annotation) => annotation.id), [placed, filter, words]);
  useClaimKeys({
    shownIds,
    currentId: current,
    activeId,
    setCurrentId,
    setActiveId,
    activate,
    editor,
    showShortcuts: () => setShortcutsOpen(true),
  });

  const formQuote = form?.mode === "create" ? form.selectors[0].exact : form?.quote;
  // Found again when the selection or the claims change, not on every keystroke in the form.
  const [selectedFrom, selectedTo] = form?.mode === "create" ? [form.selectors[1].start, form.selectors[1].end] : [0, 0];
  const overlaps = useMemo(() => (selectedTo > selectedFrom ? overlappingClaims(placed, selectedFrom, selectedTo) : []), [placed, selectedFrom, selectedTo]);
  return (
    <ClaimStoreContext.Provider value={store}>
    <div className="workbench">
      <div className="workbench__article">
        <LivePresence status={live.status} present={live.present} selfId={actor.id} />
        <RevisionBar article={article} canEdit={canEditArticle} articleId={articleId} originalUrl={originalUrl} original={original} />
        <ArticleEditor
          key={article.generation}
          ref={editor}
          doc={article.editing?.doc ?? doc}
          highlights={highlights}
          currentId={current}
          currentOpen={!!current && current === activeId}
          onAnnotate={startClaim}
          onClaimClick={focusFromHighlight}
          canAnnotate={!actor.disabled && !article.editing}
          annotateLabel={reattaching ? "Re-attach claim here" : "Annotate claim"}
          onFlag={reattaching ? undefined : flag}
          editing={!!article.editing}
          saving={article.saving}
          onDocChange={article.change}
          onSaveRevision={(edited) => void article.save(edited)}
          onStopEditing={article.stop}
        />
      </div>
      <aside className="workbench__panel" aria-label="Claims and annotation">
        <div className="workbench__help">
          <ShortcutsHelp shortcuts={WORKBENCH_SHORTCUTS} open={shortcutsOpen} onOpenChange={setShortcutsOpen} />
          {confirmDialog}
        </div>
        {form && (
          <AnnotationForm
            key={form.mode === "create" ? `new-${form.startedAt ?? `${form.selectors[1].start}-${form.selectors[1].end}`}` : form.annotationId}
            heading={form.mode === "create" ? "New claim" : "Edit claim"}
            quote={formQuote ?? ""}
            draft={form.draft}
            onDraftChange={(draft: ClaimDraft) => setForm({ ...form, draft })}
            claimants={claimants}
            onSave={(payload, submit) => save(form, payload, submit)}
            onCancel={() => {
              setForm(null);
              setConflict(null);
            }}
            quoteNote={
              <>
                {form.mode === "create" && form.revised && <NewClaimRevised {...form.revised} />}
                {form.mode === "create" && form.revised?.outcome !== "removed" && (
                  <OverlapNote claims={overlaps} onOpen={focusFromHighlight} />
                )}
                <EarlierChecks
                  quote={formQuote ?? ""}
                  articleId={articleId}
                  except={form.mode === "edit" ? form.annotationId : undefined}
                  verdict={form.draft.verdict || null}
                  onUseSources={(check) => setForm((current) => current && { ...current, draft: withSources(current.draft, check.sources) })}
                  onUseClaimant={
                    form.draft.claimant.name.trim() || form.draft.claimant.role.trim()
                      ? undefined
                      : (claimant) => setForm((current) => current && { ...current, draft: { ...current.draft, claimant: claimantDraftOf(claimant) } })
                  }
                />
              </>
            }
            notice={
              conflict && form.mode === "edit" ? (
                <div className="conflict" role="alert">
                  <p>{conflict}</p>
                  <button type="button" className="secondary" onClick={() => void reloadConflicted(form)}>
                    Load their version (your text stays in the form)
                  </button>
                </div>
              ) : null
            }
          />
        )}
        {loading === "loading" && (
          <p className="claims-panel muted" role="status">
            Loading claims…
          </p>
        )}
        {loading !== "loading" && loading !== "loaded" && (
          <div className="claims-panel form-message" role="alert">
            <p>{loading}</p>
            <button type="button" className="secondary" onClick={reload}>
              Try again
            </button>
          </div>
        )}
        {loading === "loaded" && (
          <OrphansPanel
            orphans={orphans}
            actor={actor}
            reattachingId={reattaching?.id ?? null}
            onReattach={setReattaching}
            onDiscard={discard}
            replacements={replacements}
            onReattachTo={reattachTo}
          />
        )}
        {loading === "loaded" && <ClaimsPanel
          annotations={placed}
          filter={filter}
          onFilterChange={setFilter}
          search={search}
          words={words}
          onSearchChange={setSearch}
          activeId={activeId}
          currentId={current}
          actor={actor}
          cardError={cardError}
          onActivate={activate}
          onAction={takeAction}
          onEdit={edit}
          onDelete={remove}
          onConfirmPlacement={confirmPlacement}
          reattachingId={reattaching?.id ?? null}
          onReattach={setReattaching}
        />}
      </aside>
    </div>
    </ClaimStoreContext.Provider>
  );
}
