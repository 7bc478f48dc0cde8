import { Plugin, PluginKey, type EditorState } from "prosemirror-state";
import { Decoration, DecorationSet, type EditorView } from "prosemirror-view";
import { segmentAttributes, segmentClaims, type ClaimHighlight } from "./claim-segments";

export type { ClaimHighlight } from "./claim-segments";

type ClaimHighlightsState = { decorations: DecorationSet; activeId: string | null; active: DecorationSet };

type Meta = { highlights: ClaimHighlight[] } | { activeId: string | null };

/** The claims (innermost first) a segment's decoration covers. */
type SegmentSpec = { ids: string[] };

export const claimHighlightsKey = new PluginKey<ClaimHighlightsState>("claimHighlights");

function highlightDecorations(doc: EditorState["doc"], highlights: ClaimHighlight[]): DecorationSet {
  return DecorationSet.create(
    doc,
    segmentClaims(highlights).map((segment) =>
      Decoration.inline(segment.from, segment.to, segmentAttributes(segment), { ids: segment.claims.map((c) => c.id) } satisfies SegmentSpec),
    ),
  );
}

/** The active claim's outline: one decoration over the whole claim, whichever segments it spans. */
function activeDecorations(decorations: DecorationSet, doc: EditorState["doc"], activeId: string | null): DecorationSet {
  if (!activeId) return DecorationSet.empty;
  const segments = decorations.find(undefined, undefined, (spec) => (spec as SegmentSpec).ids.includes(activeId));
  if (!segments.length) return DecorationSet.empty;
  const from = Math.min(...segments.map((segment) => segment.from));
  const to = Math.max(...segments.map((segment) => segment.to));
  return DecorationSet.create(doc, [Decoration.inline(from, to, { class: "claim-active" }, { id: activeId })]);
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
        let { decorations, activeId, active } = value;
        if (tr.docChanged) {
          decorations = decorations.map(tr.mapping, tr.doc);
          active = active.map(tr.mapping, tr.doc);
        }
        if (meta && "highlights" in meta) {
          decorations = highlightDecorations(state.doc, meta.highlights);
          active = activeDecorations(decorations, state.doc, activeId);
        }
        if (meta && "activeId" in meta) {
          activeId = meta.activeId;
          active = activeDecorations(decorations, state.doc, activeId);
        }
        return decorations === value.decorations && active === value.active && activeId === value.activeId
          ? value
          : { decorations, activeId, active };
      },
    },
    props: {
      decorations(state) {
        return claimHighlightsKey.getState(state)?.decorations;
      },
      handleClick(view, pos) {
        const segments = claimHighlightsKey.getState(view.state)?.decorations.find(pos, pos) ?? [];
        const under = segments.find((segment) => segment.from <= pos && pos <= segment.to);
        if (!under) return false;
        onClaimClick((under.spec as SegmentSpec).ids[0]!);
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
