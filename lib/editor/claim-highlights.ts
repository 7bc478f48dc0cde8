import { Plugin, PluginKey, type EditorState, type Transaction } from "prosemirror-state";
import { Decoration, DecorationSet, type EditorView } from "prosemirror-view";
import { segmentAttributes, segmentClaims, type ClaimHighlight } from "./claim-segments";

export type { ClaimHighlight } from "./claim-segments";

/** The claim the reader is at (moved to with j/k, or clicked), and whether its card is open. */
export type CurrentClaim = { id: string; open: boolean };

/**
 * A claim whose every character an edit deleted: its look, its text, where the deletion was (mapped
 * since), and how far into the deleted stretch the claim began.
 */
type Removed = { highlight: ClaimHighlight; text: string; at: number; into: number };

type ClaimHighlightsState = {
  decorations: DecorationSet;
  current: CurrentClaim | null;
  currentSet: DecorationSet;
  /** The claims last drawn, by id. */
  drawn: Map<string, ClaimHighlight>;
  removed: Removed[];
};

type Meta = { highlights: ClaimHighlight[] } | { current: CurrentClaim | null };

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

/**
 * The current claim's outline: one decoration over the whole claim, whichever segments it spans,
 * "claim-current" while the reader is at it and also "claim-active" once its card is open.
 */
function currentDecorations(decorations: DecorationSet, doc: EditorState["doc"], current: CurrentClaim | null): DecorationSet {
  if (!current) return DecorationSet.empty;
  const segments = decorations.find(undefined, undefined, (spec) => (spec as SegmentSpec).ids.includes(current.id));
  if (!segments.length) return DecorationSet.empty;
  const from = Math.min(...segments.map((segment) => segment.from));
  const to = Math.max(...segments.map((segment) => segment.to));
  const attributes = { class: current.open ? "claim-current claim-active" : "claim-current" };
  return DecorationSet.create(doc, [Decoration.inline(from, to, attributes, { ...current } satisfies CurrentClaim)]);
}

/** The stretches the transaction deleted, in the positions of the document before it. */
function deletedRanges(tr: Transaction): { from: number; to: number }[] {
  const ranges: { from: number; to: number }[] = [];
  tr.mapping.maps.forEach((map, step) => {
    // Back through the steps before this one, last first (a sliced Mapping's invert() inverts every step, not the slice).
    const original = (pos: number, assoc: number) => tr.mapping.maps.slice(0, step).reduceRight((at, earlier) => earlier.invert().map(at, assoc), pos);
    map.forEach((oldStart, oldEnd) => {
      if (oldEnd > oldStart) ranges.push({ from: original(oldStart, 1), to: original(oldEnd, -1) });
    });
  });
  return ranges;
}

/** The span of each claim of `ids` over its segments in `decorations`. */
function claimSpans(decorations: DecorationSet, ids: Set<string>): Map<string, { from: number; to: number }> {
  const spans = new Map<string, { from: number; to: number }>();
  for (const segment of decorations.find(undefined, undefined, (spec) => (spec as SegmentSpec).ids.some((id) => ids.has(id)))) {
    for (const id of (segment.spec as SegmentSpec).ids) {
      if (!ids.has(id)) continue;
      const span = spans.get(id);
      spans.set(id, span ? { from: Math.min(span.from, segment.from), to: Math.max(span.to, segment.to) } : { from: segment.from, to: segment.to });
    }
  }
  return spans;
}

/** The claims whose every character `tr` deleted, with their text and place, from `before` (the plugin's state before it) to `after` (its decorations mapped). */
function removedBy(tr: Transaction, doc: EditorState["doc"], before: ClaimHighlightsState, after: DecorationSet): Removed[] {
  const ranges = deletedRanges(tr);
  const touched = new Set<string>();
  for (const range of ranges) {
    for (const segment of before.decorations.find(range.from, range.to)) for (const id of (segment.spec as SegmentSpec).ids) touched.add(id);
  }
  if (touched.size === 0) return [];
  const removed: Removed[] = [];
  for (const [id, span] of claimSpans(before.decorations, touched)) {
    const highlight = before.drawn.get(id);
    const kept = after.find(tr.mapping.map(span.from, -1), tr.mapping.map(span.to, 1), (spec) => (spec as SegmentSpec).ids.includes(id));
    if (!highlight || kept.length) continue;
    const text = doc.textBetween(span.from, span.to, "\n");
    const deletion = ranges.find((range) => range.from <= span.from && span.from < range.to);
    removed.push({ highlight, text, at: tr.mapping.map(span.from, -1), into: span.from - (deletion?.from ?? span.from) });
  }
  return removed;
}

/**
 * Follows the claims an edit removes and brings them back: a decoration whose every character is
 * deleted is gone for good from a DecorationSet, and undoing the deletion would leave its claim
 * unhighlighted. So a claim that loses all its text is remembered with that text and the place it
 * was; when the very text is back there (an undo, or the same words typed again), it is drawn again.
 * Claims over several paragraphs are not brought back: their text does not lie in one run.
 */
function followRemoved(tr: Transaction, before: EditorState["doc"], value: ClaimHighlightsState, decorations: DecorationSet): { decorations: DecorationSet; removed: Removed[] } {
  const followed = value.removed.length ? value.removed.map((entry) => ({ ...entry, at: tr.mapping.map(entry.at, -1) })) : value.removed;
  const fresh = removedBy(tr, before, value, decorations);
  let removed = fresh.length ? [...followed, ...fresh] : followed;
  const size = tr.doc.content.size;
  const back = removed.filter(
    ({ text, at, into }) => !text.includes("\n") && at + into + text.length <= size && tr.doc.textBetween(at + into, at + into + text.length, "\n") === text,
  );
  if (!back.length) return { decorations, removed };
  removed = removed.filter((entry) => !back.includes(entry));
  const drawn = back.map(({ highlight, text, at, into }) => {
    const [from, to] = [at + into, at + into + text.length];
    const segment = { from, to, claims: [{ ...highlight, from, to }] };
    return Decoration.inline(segment.from, segment.to, segmentAttributes(segment), { ids: [highlight.id] } satisfies SegmentSpec);
  });
  return { decorations: decorations.add(tr.doc, drawn), removed };
}

/**
 * Claims drawn as decorations kept in this plugin's state: mapped through every transaction
 * (so they follow edits, and come back when a deletion is undone), replaced when the annotations
 * change, and one of them marked current.
 * Clicking a highlight calls `onClaimClick` with the innermost claim under the pointer.
 */
export function claimHighlights(onClaimClick: (id: string) => void): Plugin<ClaimHighlightsState> {
  return new Plugin<ClaimHighlightsState>({
    key: claimHighlightsKey,
    state: {
      init: () => ({ decorations: DecorationSet.empty, current: null, currentSet: DecorationSet.empty, drawn: new Map(), removed: [] }),
      apply(tr, value, old, state) {
        const meta = tr.getMeta(claimHighlightsKey) as Meta | undefined;
        let { decorations, current, currentSet, drawn, removed } = value;
        if (tr.docChanged) {
          ({ decorations, removed } = followRemoved(tr, old.doc, value, decorations.map(tr.mapping, tr.doc)));
          currentSet = currentSet.map(tr.mapping, tr.doc);
        }
        if (meta && "highlights" in meta) {
          decorations = highlightDecorations(state.doc, meta.highlights);
          currentSet = currentDecorations(decorations, state.doc, current);
          drawn = new Map(meta.highlights.map((highlight) => [highlight.id, highlight]));
          removed = [];
        }
        if (meta && "current" in meta) {
          current = meta.current;
          currentSet = currentDecorations(decorations, state.doc, current);
        }
        return decorations === value.decorations && currentSet === value.currentSet && current === value.current && removed === value.removed && drawn === value.drawn
          ? value
          : { decorations, current, currentSet, drawn, removed };
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

/** A second plugin draws the current claim so that moving from claim to claim does not redraw every highlight. */
export const currentClaim = new Plugin({
  props: {
    decorations(state) {
      return claimHighlightsKey.getState(state)?.currentSet;
    },
  },
});

/**
 * The claims whose every word the edits since the highlights were last set have deleted, by id: the
 * plugin remembers them, and forgets those it drew again. One whose text is elsewhere in the
 * document (moved, or over several paragraphs and undone) is not counted: saving may still place it.
 */
export function claimsWithoutText(state: EditorState): string[] {
  const removed = claimHighlightsKey.getState(state)?.removed ?? [];
  if (removed.length === 0) return [];
  const text = state.doc.textBetween(0, state.doc.content.size, "\n");
  return removed.filter((entry) => !text.includes(entry.text)).map((entry) => entry.highlight.id);
}

export function setClaimHighlights(view: EditorView, highlights: ClaimHighlight[]): void {
  view.dispatch(view.state.tr.setMeta(claimHighlightsKey, { highlights } satisfies Meta));
}

export function setCurrentClaim(view: EditorView, current: CurrentClaim | null): void {
  view.dispatch(view.state.tr.setMeta(claimHighlightsKey, { current } satisfies Meta));
}
