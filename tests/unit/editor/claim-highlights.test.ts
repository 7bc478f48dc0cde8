import { history, undo } from "prosemirror-history";
import { EditorState, TextSelection } from "prosemirror-state";
import { describe, expect, it } from "vitest";
import { documentFromPlainText, indexTextblocks, positionOfOffset } from "@/lib/articles/document";
import { claimHighlights, claimHighlightsKey, claimsWithoutText, type ClaimHighlight } from "@/lib/editor/claim-highlights";
import { readOnlyDocument } from "@/lib/editor/read-only";
import { selectedClaim } from "@/lib/editor/selection";

const TEXT = "Russia has used mines since the war began.\nThe U.S. will send mines to Ukraine.";

function stateWith(highlights: ClaimHighlight[], plugins = [claimHighlights(() => {})]) {
  const state = EditorState.create({ doc: documentFromPlainText(TEXT), plugins });
  return state.apply(state.tr.setMeta(claimHighlightsKey, { highlights }));
}

function highlightOf(id: string, quote: string): ClaimHighlight {
  const index = indexTextblocks(documentFromPlainText(TEXT));
  const start = TEXT.indexOf(quote);
  return {
    id,
    from: positionOfOffset(index, start),
    to: positionOfOffset(index, start + quote.length),
    status: "draft",
    verdict: null,
    label: `Claim ${id}`,
  };
}

function spans(state: EditorState) {
  const set = claimHighlightsKey.getState(state)!.decorations;
  return set.find().map((decoration) => ({
    ids: (decoration.spec as { ids: string[] }).ids,
    text: state.doc.textBetween(decoration.from, decoration.to),
  }));
}

describe("claim highlights", () => {
  it("draws overlapping claims as flat segments, each naming the claims that cover it, innermost first", () => {
    const state = stateWith([highlightOf("a", "The U.S. will send mines"), highlightOf("b", "send mines to Ukraine"), highlightOf("c", "send mines")]);
    expect(spans(state)).toEqual([
      { ids: ["a"], text: "The U.S. will " },
      { ids: ["c", "b", "a"], text: "send mines" },
      { ids: ["b"], text: " to Ukraine" },
    ]);
  });

  it("tells which claims an edit took every word of, until the text is back", () => {
    const state = stateWith([highlightOf("a", "The U.S. will send mines"), highlightOf("b", "send mines to Ukraine"), highlightOf("c", "Russia has used mines")]);
    const index = indexTextblocks(state.doc);
    const [from, to] = [positionOfOffset(index, TEXT.indexOf("The U.S.")), positionOfOffset(index, TEXT.length)];
    // The second sentence goes: "a" and "b" lose every word; "c" keeps its own.
    const deleted = state.apply(state.tr.delete(from, to));
    expect(claimsWithoutText(deleted)).toEqual(["a", "b"]);
    // Half of "b" is typed back: still gone. The whole sentence back (an undo does this): none is.
    const partly = deleted.apply(deleted.tr.insertText("send mines", from));
    expect(claimsWithoutText(partly)).toEqual(["a", "b"]);
    const restored = deleted.apply(deleted.tr.insertText("The U.S. will send mines to Ukraine.", from));
    expect(claimsWithoutText(restored)).toEqual([]);
  });

  it("draws a claim again when the deletion that took all its text is undone, and not while its text is elsewhere", () => {
    const plugins = [claimHighlights(() => {}), history()];
    const state = stateWith([highlightOf("a", "send mines to Ukraine"), highlightOf("c", "Russia has used mines")], plugins);
    const index = indexTextblocks(state.doc);
    const [from, to] = [positionOfOffset(index, TEXT.indexOf("The U.S.")), positionOfOffset(index, TEXT.length)];
    const deleted = state.apply(state.tr.delete(from, to));
    expect(spans(deleted)).toEqual([{ ids: ["c"], text: "Russia has used mines" }]);
    // Typed elsewhere, the same words are not the claim.
    const elsewhere = deleted.apply(deleted.tr.insertText(" send mines to Ukraine", positionOfOffset(index, TEXT.indexOf(" since"))));
    expect(spans(elsewhere).map((span) => span.ids)).toEqual([["c"]]);

    let undone = deleted;
    undo(deleted, (tr) => (undone = deleted.apply(tr)));
    expect(undone.doc.textContent).toBe(state.doc.textContent);
    expect(spans(undone)).toEqual([
      { ids: ["c"], text: "Russia has used mines" },
      { ids: ["a"], text: "send mines to Ukraine" },
    ]);
    expect(claimsWithoutText(undone)).toEqual([]);
  });

  it("draws a claim whole again when a deletion that took part of its text is undone, with the claims it overlaps cut into segments anew", () => {
    const plugins = [claimHighlights(() => {}), history()];
    const state = stateWith([highlightOf("a", "The U.S. will send mines"), highlightOf("b", "send mines to Ukraine")], plugins);
    const before = spans(state);
    const index = indexTextblocks(state.doc);
    // " to Ukraine." goes: "b" keeps "send mines", "a" is untouched.
    const deleted = state.apply(state.tr.delete(positionOfOffset(index, TEXT.indexOf(" to Ukraine")), positionOfOffset(index, TEXT.length)));
    expect(spans(deleted).map((span) => span.text)).toEqual(["The U.S. will ", "send mines"]);
    expect(claimsWithoutText(deleted)).toEqual([]);
    let undone = deleted;
    undo(deleted, (tr) => (undone = deleted.apply(tr)));
    expect(spans(undone)).toEqual(before);
    // Other words typed in their place are not the claim's: it stays cut short.
    const retyped = deleted.apply(deleted.tr.insertText(" to Kyiv.", positionOfOffset(index, TEXT.indexOf(" to Ukraine"))));
    expect(spans(retyped).map((span) => span.text)).toEqual(["The U.S. will ", "send mines"]);
  });

  it("draws a claim over two paragraphs again when the deletion of all its text is undone", () => {
    const plugins = [claimHighlights(() => {}), history()];
    const state = stateWith([highlightOf("a", "since the war began.\nThe U.S. will send")], plugins);
    const index = indexTextblocks(state.doc);
    const deleted = state.apply(state.tr.delete(positionOfOffset(index, TEXT.indexOf(" since")), positionOfOffset(index, TEXT.indexOf(" mines to"))));
    expect(spans(deleted)).toEqual([]);
    expect(claimsWithoutText(deleted)).toEqual(["a"]);
    let undone = deleted;
    undo(deleted, (tr) => (undone = deleted.apply(tr)));
    expect(undone.doc.eq(state.doc)).toBe(true);
    expect(spans(undone)).toEqual(spans(state));
    expect(claimsWithoutText(undone)).toEqual([]);
  });

  it("finds the claims a later step of a transaction deleted, after an earlier step moved the text", () => {
    const state = stateWith([highlightOf("a", "send mines to Ukraine"), highlightOf("c", "Russia has used mines")], [claimHighlights(() => {}), history()]);
    const index = indexTextblocks(state.doc);
    const tr = state.tr.insertText("Update: ", positionOfOffset(index, 0));
    const [from, to] = [tr.mapping.map(positionOfOffset(index, TEXT.indexOf("The U.S."))), tr.mapping.map(positionOfOffset(index, TEXT.length))];
    const deleted = state.apply(tr.delete(from, to));
    expect(spans(deleted)).toEqual([{ ids: ["c"], text: "Russia has used mines" }]);
    let undone = deleted;
    undo(deleted, (inverse) => (undone = deleted.apply(inverse)));
    expect(spans(undone).map((span) => span.text)).toEqual(["Russia has used mines", "send mines to Ukraine"]);
  });

  it("maps the decorations through an edit, so that they stay on their text", () => {
    const state = stateWith([highlightOf("a", "send mines to Ukraine")]);
    const edited = state.apply(state.tr.insertText("Officials say ", positionOfOffset(indexTextblocks(state.doc), TEXT.indexOf("The U.S."))));
    expect(edited.doc.textContent).toContain("Officials say The U.S.");
    expect(spans(edited)).toEqual([{ ids: ["a"], text: "send mines to Ukraine" }]);
  });

  it("marks the whole current claim, across the segments it spans, without redrawing the others", () => {
    const state = stateWith([highlightOf("a", "The U.S. will send mines"), highlightOf("b", "Russia has used mines"), highlightOf("c", "used")]);
    const before = claimHighlightsKey.getState(state)!.decorations;
    const current = state.apply(state.tr.setMeta(claimHighlightsKey, { current: { id: "b", open: false } }));
    const pluginState = claimHighlightsKey.getState(current)!;
    expect(pluginState.decorations).toBe(before);
    expect(pluginState.currentSet.find().map((d) => current.doc.textBetween(d.from, d.to))).toEqual(["Russia has used mines"]);
  });

  it("marks the current claim as open once its card is opened, and marks nothing once the reader leaves it", () => {
    const state = stateWith([highlightOf("a", "The U.S. will send mines")]);
    const marked = (next: EditorState) => claimHighlightsKey.getState(next)!.currentSet.find().map((d) => d.spec as unknown);
    const at = state.apply(state.tr.setMeta(claimHighlightsKey, { current: { id: "a", open: false } }));
    expect(marked(at)).toEqual([{ id: "a", open: false }]);
    const open = at.apply(at.tr.setMeta(claimHighlightsKey, { current: { id: "a", open: true } }));
    expect(marked(open)).toEqual([{ id: "a", open: true }]);
    const left = open.apply(open.tr.setMeta(claimHighlightsKey, { current: null }));
    expect(marked(left)).toEqual([]);
  });

  it("keeps the article unchanged in read-only mode", () => {
    const state = stateWith([], [claimHighlights(() => {}), readOnlyDocument]);
    const attempted = state.applyTransaction(state.tr.insertText("typed ", 1));
    expect(attempted.state.doc.eq(state.doc)).toBe(true);
  });
});

describe("the selected claim", () => {
  it("describes the selection without the white space at its edges", () => {
    const state = stateWith([]);
    const index = indexTextblocks(state.doc);
    const start = TEXT.indexOf("began.") + "began.".length;
    const from = positionOfOffset(index, start);
    const to = positionOfOffset(index, TEXT.indexOf("Ukraine") + "Ukraine".length);
    const selected = selectedClaim(state.apply(state.tr.setSelection(TextSelection.create(state.doc, from, to))), index);
    expect(selected?.selectors[0].exact).toBe("The U.S. will send mines to Ukraine");
    expect(selected?.selectors[1]).toEqual({ type: "TextPositionSelector", start: TEXT.indexOf("The U.S."), end: TEXT.indexOf("Ukraine") + 7 });
  });

  it("is null for an empty selection", () => {
    const state = stateWith([]);
    expect(selectedClaim(state, indexTextblocks(state.doc))).toBeNull();
  });
});
