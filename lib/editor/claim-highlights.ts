import { Plugin, PluginKey, type EditorState, type Transaction } from "prosemirror-state";
import { Decoration, DecorationSet, type EditorView } from "prosemirror-view";
import { segmentAttributes, segmentClaims, type ClaimHighlight } from "./claim-segments";

export type { ClaimHighlight } from "./claim-segments";

/** The claim the reader is at (moved to with j/k, or clicked), and whether its card is open. */
export type CurrentClaim = { id: string; open: boolean };

/**
 * A claim an edit cut into (deleted some or all of its characters): its look; its whole text and size
 * before the first cut; where it began, mapped since (for a claim whose start was deleted: where the
 * deletion was, and how far into the deleted stretch the claim began); and whether none of it is left.
 */
type Cut = { highlight: ClaimHighlight; text: string; size: number; at: number; into: number; gone: boolean };

type ClaimHighlightsState = {
  decorations: DecorationSet;
  current: CurrentClaim | null;
  currentSet: DecorationSet;
  /** The claims last drawn, by id. */
  drawn: Map<string, ClaimHighlight>;
  cuts: Cut[];
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

/** The stretches the transaction inserted, in the positions of the document after it. */
function insertedRanges(tr: Transaction): { from: number; to: number }[] {
  const ranges: { from: number; to: number }[] = [];
  tr.mapping.maps.forEach((map, step) => {
    const later = tr.mapping.slice(step + 1);
    map.forEach((_oldStart, _oldEnd, newStart, newEnd) => {
      if (newEnd > newStart) ranges.push({ from: later.map(newStart, -1), to: later.map(newEnd, 1) });
    });
  });
  return ranges;
}

/**
 * The claims `tr` deleted characters of, from `before` (the plugin's state before it) to `after` (its
 * decorations mapped): a claim cut before keeps the text and place it had then, and only learns
 * whether anything of it is left.
 */
function cutsBy(tr: Transaction, doc: EditorState["doc"], before: ClaimHighlightsState, after: DecorationSet): Cut[] {
  const ranges = deletedRanges(tr);
  const touched = new Set<string>();
  for (const range of ranges) {
    for (const segment of before.decorations.find(range.from, range.to)) {
      if (segment.from < range.to && range.from < segment.to) for (const id of (segment.spec as SegmentSpec).ids) touched.add(id);
    }
  }
  if (touched.size === 0) return before.cuts;
  const cuts = [...before.cuts];
  for (const [id, span] of claimSpans(before.decorations, touched)) {
    const highlight = before.drawn.get(id);
    if (!highlight) continue;
    const gone = after.find(tr.mapping.map(span.from, -1), tr.mapping.map(span.to, 1), (spec) => (spec as SegmentSpec).ids.includes(id)).length === 0;
    const earlier = cuts.findIndex((cut) => cut.highlight.id === id);
    if (earlier !== -1) {
      if (cuts[earlier]!.gone !== gone) cuts[earlier] = { ...cuts[earlier]!, gone };
      continue;
    }
    const deletion = ranges.find((range) => range.from <= span.from && span.from < range.to);
    const text = doc.textBetween(span.from, span.to, "\n");
    cuts.push({ highlight, text, size: span.to - span.from, at: tr.mapping.map(span.from, -1), into: span.from - (deletion?.from ?? span.from), gone });
  }
  return cuts;
}

/**
 * Follows the claims edits cut into and makes them whole again: ProseMirror maps a decoration
 * through a deletion by shrinking it, or dropping it once every character is gone, and undoing the
 * deletion would leave its claim cut short or unhighlighted. So a claim that loses text is
 * remembered with the text and place it had; when the very text is back there (an undo, or the same
 * words typed again), it is drawn whole again, and the overlapping claims are cut into segments anew.
 */
function followCuts(tr: Transaction, before: EditorState["doc"], value: ClaimHighlightsState, mapped: DecorationSet): { decorations: DecorationSet; cuts: Cut[] } {
  const followed = value.cuts.length ? value.cuts.map((cut) => ({ ...cut, at: tr.mapping.map(cut.at, -1) })) : value.cuts;
  const cuts = cutsBy(tr, before, { ...value, cuts: followed }, mapped);
  const inserted = cuts.length ? insertedRanges(tr) : [];
  if (!inserted.length) return { decorations: mapped, cuts };
  const size = tr.doc.content.size;
  const whole = cuts.filter(({ text, size: length, at, into }) => {
    const [from, to] = [at + into, at + into + length];
    return to <= size && inserted.some((range) => range.from <= to && from <= range.to) && tr.doc.textBetween(from, to, "\n") === text;
  });
  if (!whole.length) return { decorations: mapped, cuts };
  const places = claimSpans(mapped, new Set(value.drawn.keys()));
  for (const { highlight, at, into, size: length } of whole) places.set(highlight.id, { from: at + into, to: at + into + length });
  const highlights = [...places].map(([id, place]) => ({ ...value.drawn.get(id)!, ...place }));
  return { decorations: highlightDecorations(tr.doc, highlights), cuts: cuts.filter((cut) => !whole.includes(cut)) };
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
      init: () => ({ decorations: DecorationSet.empty, current: null, currentSet: DecorationSet.empty, drawn: new Map(), cuts: [] }),
      apply(tr, value, old, state) {
        const meta = tr.getMeta(claimHighlightsKey) as Meta | undefined;
        let { decorations, current, currentSet, drawn, cuts } = value;
        if (tr.docChanged) {
          const mapped = decorations.map(tr.mapping, tr.doc);
          ({ decorations, cuts } = followCuts(tr, old.doc, value, mapped));
          currentSet = decorations === mapped ? currentSet.map(tr.mapping, tr.doc) : currentDecorations(decorations, tr.doc, current);
        }
        if (meta && "highlights" in meta) {
          decorations = highlightDecorations(state.doc, meta.highlights);
          currentSet = currentDecorations(decorations, state.doc, current);
          drawn = new Map(meta.highlights.map((highlight) => [highlight.id, highlight]));
          cuts = [];
        }
        if (meta && "current" in meta) {
          current = meta.current;
          currentSet = currentDecorations(decorations, state.doc, current);
        }
        return decorations === value.decorations && currentSet === value.currentSet && current === value.current && cuts === value.cuts && drawn === value.drawn
          ? value
          : { decorations, current, currentSet, drawn, cuts };
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
 * document (moved) is not counted: saving may still place it.
 */
export function claimsWithoutText(state: EditorState): string[] {
  const gone = (claimHighlightsKey.getState(state)?.cuts ?? []).filter((cut) => cut.gone);
  if (gone.length === 0) return [];
  const text = state.doc.textBetween(0, state.doc.content.size, "\n");
  return gone.filter((cut) => !text.includes(cut.text)).map((cut) => cut.highlight.id);
}

export function setClaimHighlights(view: EditorView, highlights: ClaimHighlight[]): void {
  view.dispatch(view.state.tr.setMeta(claimHighlightsKey, { highlights } satisfies Meta));
}

export function setCurrentClaim(view: EditorView, current: CurrentClaim | null): void {
  view.dispatch(view.state.tr.setMeta(claimHighlightsKey, { current } satisfies Meta));
}
