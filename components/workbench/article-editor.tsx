"use client";

import { baseKeymap } from "prosemirror-commands";
import { keymap } from "prosemirror-keymap";
import { EditorState, TextSelection, type Plugin } from "prosemirror-state";
import { EditorView } from "prosemirror-view";
import { useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState, type Ref } from "react";
import { documentFromJSON, indexTextblocks } from "@/lib/articles/document";
import { annotateKeymap } from "@/lib/editor/annotate-keymap";
import { editingPlugins } from "@/lib/editor/edit-commands";
import { claimHighlights, claimsWithoutText, currentClaim, setClaimHighlights, setCurrentClaim, type ClaimHighlight } from "@/lib/editor/claim-highlights";
import { lostClaimsNotice } from "@/lib/editor/lost-claims";
import { readOnlyDocument } from "@/lib/editor/read-only";
import { selectedClaim, type ClaimSelection } from "@/lib/editor/selection";
import { keyOf, WORKBENCH_SHORTCUTS } from "@/lib/keyboard/shortcuts";
import { ariaShortcut, KeyCombo } from "../keyboard/key-combo";
import { EditToolbar } from "./edit-toolbar";
import { scrollBehavior } from "./scroll";

/** What the page asks of the article from outside it: the workbench's Mod-Shift-A, pressed with the focus elsewhere. */
export type ArticleEditorHandle = {
  /** Annotates the text the page's selection covers in the article; false when it covers none, or annotating is off. */
  annotatePageSelection(): boolean;
};

type Props = {
  ref?: Ref<ArticleEditorHandle>;
  doc: unknown;
  highlights: ClaimHighlight[];
  /** The claim the reader is at (j/k, a click), outlined in the text and scrolled to; `currentOpen` once its card is open. */
  currentId: string | null;
  currentOpen: boolean;
  /** Called with the selected claim when the user asks to annotate it (button or Mod-Shift-A). */
  onAnnotate(selection: ClaimSelection): void;
  onClaimClick(id: string): void;
  canAnnotate: boolean;
  /** The floating button's words: "Annotate claim", or "Re-attach claim here" while re-attaching an orphan. */
  annotateLabel: string;
  /** Called with the selected claim to flag it for checking (a draft with only its quote); no flag button without it. */
  onFlag?(selection: ClaimSelection): void;
  /** Edit mode: the document may change, with undo history and a formatting toolbar. */
  editing: boolean;
  saving: boolean;
  /** Called with the document after each change made in edit mode. */
  onDocChange(doc: unknown): void;
  onSaveRevision(doc: unknown): void;
  onStopEditing(): void;
};

type ButtonPlace = { top: number; left: number };

const ANNOTATE_KEY = keyOf(WORKBENCH_SHORTCUTS, "annotate");

/** Reading mode: the text can be selected with mouse and keyboard but not changed. */
const READING_PLUGINS: Plugin[] = [readOnlyDocument, keymap(baseKeymap)];

/** Once a claim is being annotated its text is deselected, so that its new highlight shows. */
function collapseSelection(view: EditorView) {
  view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, view.state.selection.to)));
}

/** Tells the editor which claims their edits have taken every word of, as they type. */
function LostClaims({ ids, highlights }: { ids: string[]; highlights: ClaimHighlight[] }) {
  const statuses = highlights.filter((highlight) => ids.includes(highlight.id)).map((highlight) => highlight.status);
  const notice = lostClaimsNotice(statuses);
  return (
    <p className="notice edit-lost-claims" role="status" hidden={!notice}>
      {notice}
    </p>
  );
}

/**
 * The article in a ProseMirror view. The view is created once and fed through transactions;
 * React never renders inside it. Only the floating "Annotate claim" button is React state here.
 */
export function ArticleEditor({ ref, ...props }: Props) {
  const { doc, highlights, currentId, currentOpen, onAnnotate, onClaimClick, canAnnotate, editing, onDocChange } = props;
  const mount = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const annotate = useRef<() => boolean>(() => false);
  const [button, setButton] = useState<ButtonPlace | null>(null);
  const saveEdits = () => {
    if (view.current && !props.saving) props.onSaveRevision(view.current.state.doc.toJSON());
  };
  const callbacks = useRef({ onAnnotate, onClaimClick, canAnnotate, onDocChange, saveEdits });
  useLayoutEffect(() => {
    callbacks.current = { onAnnotate, onClaimClick, canAnnotate, onDocChange, saveEdits };
  });
  // The claims whose every word the edits have deleted (the highlights are set only outside edit mode).
  const [lost, setLost] = useState<string[]>([]);
  const sharedPlugins = useRef<Plugin[]>([]);
  const parsed = useMemo(() => documentFromJSON(doc), [doc]);
  const index = useMemo(() => indexTextblocks(parsed), [parsed]);

  useEffect(() => {
    const annotateSelection = () => {
      const current = view.current;
      if (!current || !callbacks.current.canAnnotate) return false;
      const selection = selectedClaim(current.state, index);
      if (selection) callbacks.current.onAnnotate(selection);
      collapseSelection(current);
      setButton(null);
      return true;
    };
    annotate.current = annotateSelection;
    // While the mouse is down the selection is still being made: the button waits for the release.
    let dragging = false;
    const placeButton = (editor: EditorView) => {
      if (dragging) return;
      const { from, to, empty } = editor.state.selection;
      if (empty || !callbacks.current.canAnnotate || !selectedClaim(editor.state, index)) return setButton(null);
      const end = editor.coordsAtPos(to);
      const start = editor.coordsAtPos(from);
      const box = mount.current!.getBoundingClientRect();
      setButton({ top: end.bottom - box.top + 6, left: Math.max(0, Math.min(end.left, start.left) - box.left) });
    };
    sharedPlugins.current = [claimHighlights((id) => callbacks.current.onClaimClick(id)), currentClaim, annotateKeymap(annotateSelection)];
    const editor = new EditorView(mount.current!, {
      state: EditorState.create({ doc: parsed, plugins: [...sharedPlugins.current, ...READING_PLUGINS] }),
      // A text box, read-only in reading mode: screen readers then let the caret move through it to select a claim.
      attributes: { class: "article-text", "aria-label": "Article text", role: "textbox", "aria-multiline": "true" },
      dispatchTransaction(tr) {
        const next = editor.state.apply(tr);
        editor.updateState(next);
        if (tr.selectionSet) placeButton(editor);
        if (tr.docChanged) callbacks.current.onDocChange(next.doc.toJSON());
        if (tr.docChanged) {
          const gone = claimsWithoutText(next);
          setLost((before) => (before.join() === gone.join() ? before : gone));
        }
      },
      handleDOMEvents: {
        mousedown: () => {
          dragging = true;
          setButton(null);
          const release = () => {
            dragging = false;
            document.removeEventListener("mouseup", release);
            setTimeout(() => placeButton(editor));
          };
          document.addEventListener("mouseup", release);
          return false;
        },
        blur: (_view, event) => {
          const related = (event as FocusEvent).relatedTarget as Element | null;
          if (!related?.closest(".selection-actions")) setButton(null);
          return false;
        },
      },
    });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
  }, [parsed, index]);

  // Switching modes keeps the document, the selection and the highlights' state: only the plugins change.
  useEffect(() => {
    const editor = view.current;
    if (!editor) return;
    editor.updateState(editor.state.reconfigure({ plugins: [...sharedPlugins.current, ...(editing ? editingPlugins(() => callbacks.current.saveEdits()) : READING_PLUGINS)] }));
    if (editing) editor.focus();
  }, [editing, parsed]);

  // While editing, the highlights follow the edits through their mapping; the saved positions would be stale.
  useEffect(() => {
    if (view.current && !editing) setClaimHighlights(view.current, highlights);
  }, [highlights, parsed, editing]);

  useEffect(() => {
    const editor = view.current;
    if (!editor) return;
    setCurrentClaim(editor, currentId ? { id: currentId, open: currentOpen } : null);
    if (currentId) editor.dom.querySelector(".claim-current")?.scrollIntoView({ block: "center", behavior: scrollBehavior() });
  }, [currentId, currentOpen]);

  useImperativeHandle(
    ref,
    () => ({
      annotatePageSelection() {
        const editor = view.current;
        const selection = document.getSelection();
        if (!editor || !selection || selection.isCollapsed || !selection.anchorNode || !selection.focusNode) return false;
        if (!editor.dom.contains(selection.anchorNode) || !editor.dom.contains(selection.focusNode)) return false;
        // The editor reads the page's selection only while it has the focus: take it from the page.
        const anchor = editor.posAtDOM(selection.anchorNode, selection.anchorOffset);
        const head = editor.posAtDOM(selection.focusNode, selection.focusOffset);
        editor.dispatch(editor.state.tr.setSelection(TextSelection.create(editor.state.doc, anchor, head)));
        return annotate.current();
      },
    }),
    [],
  );

  /** Hands the selected claim to `act`, then deselects it so its new highlight shows. */
  function actOnSelection(act: (selection: ClaimSelection) => void) {
    const current = view.current;
    const selection = current && selectedClaim(current.state, index);
    if (selection) act(selection);
    if (current) collapseSelection(current);
    setButton(null);
  }

  return (
    <>
      {editing && (
        <div className="edit-bar">
          <EditToolbar
            getView={() => view.current}
            saving={props.saving}
            onSave={saveEdits}
            onCancel={props.onStopEditing}
          />
          <LostClaims ids={lost} highlights={highlights} />
        </div>
      )}
      <div className={editing ? "article-editor article-editor--editing" : "article-editor"} ref={mount}>
      {button && (
        <div className="selection-actions" style={{ top: button.top, left: button.left }}>
          <button
            type="button"
            className="annotate-button"
            aria-keyshortcuts={ariaShortcut(ANNOTATE_KEY)}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => actOnSelection(onAnnotate)}
          >
            {props.annotateLabel} <span aria-hidden="true"><KeyCombo binding={ANNOTATE_KEY} /></span>
          </button>
          {props.onFlag && (
            <button type="button" className="annotate-button annotate-button--flag" onMouseDown={(event) => event.preventDefault()} onClick={() => actOnSelection(props.onFlag!)}>
              Flag for checking
            </button>
          )}
        </div>
      )}
      </div>
    </>
  );
}
