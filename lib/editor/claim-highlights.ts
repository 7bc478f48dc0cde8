import { Plugin, PluginKey, type EditorState } from "prosemirror-state";
import { Decoration, DecorationSet, type EditorView } from "prosemirror-view";
import type { ReviewStatus } from "@/lib/reviews/statuses";
import type { Verdict } from "@/lib/annotations/verdicts";

/** What the editor needs to draw one claim: where it is and how it looks. */
export type ClaimHighlight = {
  id: string;
  from: number;
  to: number;
  status: ReviewStatus;
  verdict: Verdict | null;
  /** The highlight's accessible name, e.g. "Claim: False, approved". */
  label: string;
};

type ClaimHighlightsState = { decorations: DecorationSet; activeId: string | null; active: DecorationSet };

type Meta = { highlights: ClaimHighlight[] } | { activeId: string | null };

export const claimHighlightsKey = new PluginKey<ClaimHighlightsState>("claimHighlights");

function highlightDecoration(highlight: ClaimHighlight): Decoration {
  const verdict = highlight.verdict ? ` claim--verdict-${highlight.verdict}` : "";
  return Decoration.inline(
    highlight.from,
    highlight.to,
    {
      nodeName: "mark",
      class: `claim claim--${highlight.status}${verdict}`,
      "data-claim-id": highlight.id,
      "aria-label": highlight.label,
      title: highlight.label,
    },
    { id: highlight.id },
  );
}

function activeDecorations(state: { decorations: DecorationSet }, doc: EditorState["doc"], activeId: string | null) {
  if (!activeId) return DecorationSet.empty;
  const found = state.decorations.find(undefined, undefined, (spec) => spec.id === activeId);
  return DecorationSet.create(
    doc,
    found.map((decoration) => Decoration.inline(decoration.from, decoration.to, { class: "claim-active" }, { id: activeId })),
  );
}

/**
 * Claims drawn as decorations kept in this plugin's state: mapped through every transaction
 * (so they follow edits), replaced when the annotations change, and one of them marked active.
 * Clicking a highlight calls `onClaimClick` with the innermost claim under the pointer.
 */
export function claimHighlights(onClaimClick: (id: string) => void): Plugin<ClaimHighlightsState> {
  return new Plugin<ClaimHighlightsState>({
    key: claimHighlightsKey,
    state: {
      init: () => ({ decorations: DecorationSet.empty, activeId: null, active: DecorationSet.empty }),
      apply(tr, value, _old, state) {
        const meta = tr.getMeta(claimHighlightsKey) as Meta | undefined;
        let next = value;
        if (tr.docChanged) {
          next = { ...next, decorations: next.decorations.map(tr.mapping, tr.doc), active: next.active.map(tr.mapping, tr.doc) };
        }
        if (meta && "highlights" in meta) {
          const decorations = DecorationSet.create(state.doc, meta.highlights.filter((h) => h.from < h.to).map(highlightDecoration));
          next = { ...next, decorations };
          next = { ...next, active: activeDecorations(next, state.doc, next.activeId) };
        }
        if (meta && "activeId" in meta) {
          next = { ...next, activeId: meta.activeId, active: activeDecorations(next, state.doc, meta.activeId) };
        }
        return next;
      },
    },
    props: {
      decorations(state) {
        return claimHighlightsKey.getState(state)?.decorations;
      },
      handleClick(view, pos) {
        const state = claimHighlightsKey.getState(view.state);
        const under = state?.decorations.find(pos, pos).filter((d) => d.from <= pos && pos <= d.to) ?? [];
        if (!under.length) return false;
        const innermost = under.reduce((a, b) => (b.to - b.from < a.to - a.from ? b : a));
        onClaimClick((innermost.spec as { id: string }).id);
        return false;
      },
    },
  });
}

/** A second plugin draws the active claim so that activating one does not redraw every highlight. */
export const activeClaim = new Plugin({
  props: {
    decorations(state) {
      return claimHighlightsKey.getState(state)?.active;
    },
  },
});

export function setClaimHighlights(view: EditorView, highlights: ClaimHighlight[]): void {
  view.dispatch(view.state.tr.setMeta(claimHighlightsKey, { highlights } satisfies Meta));
}

export function setActiveClaim(view: EditorView, activeId: string | null): void {
  view.dispatch(view.state.tr.setMeta(claimHighlightsKey, { activeId } satisfies Meta));
}
