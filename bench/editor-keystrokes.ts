/**
 * `npm run bench:editor`: what each keystroke of edit mode costs the claim highlights on a long article
 * with many claims, in the ProseMirror state alone (no DOM): the highlights are mapped through every
 * edit, and a deletion also looks for claims it took every word of (to draw them again on undo).
 * Deletes, then types, one character at a time across the article, and prints milliseconds per keystroke.
 *
 * Settings (environment): EDITOR_PARAGRAPHS=1500 (about 490,000 characters)  EDITOR_CLAIMS=2000  EDITOR_KEYSTROKES=400
 */
import os from "node:os";
import { EditorState } from "prosemirror-state";
import { documentFromPlainText, indexTextblocks, positionOfOffset } from "@/lib/articles/document";
import { claimHighlights, claimHighlightsKey, type ClaimHighlight } from "@/lib/editor/claim-highlights";

const setting = (name: string, fallback: number) => Math.max(1, Number(process.env[name] ?? fallback));
const [paragraphs, claims, keystrokes] = [setting("EDITOR_PARAGRAPHS", 1_500), setting("EDITOR_CLAIMS", 2_000), setting("EDITOR_KEYSTROKES", 400)];

const sentence = "The council approved a budget of 12 million dollars on Monday, the mayor said, and critics objected to it. ";
const text = Array.from({ length: paragraphs }, (_, i) => `${sentence.repeat(3)}${i}`).join("\n");
const doc = documentFromPlainText(text);
const index = indexTextblocks(doc);
const highlights: ClaimHighlight[] = Array.from({ length: claims }, (_, i) => {
  const start = (i * 151) % (text.length - 100);
  return { id: String(i), from: positionOfOffset(index, start), to: positionOfOffset(index, start + 40), status: "draft", verdict: null, label: `Claim ${i}` };
});

let state = EditorState.create({ doc, plugins: [claimHighlights(() => {})] });
state = state.apply(state.tr.setMeta(claimHighlightsKey, { highlights }));
const step = Math.max(1, Math.floor(doc.content.size / (keystrokes + 1)));
const timed = (edit: (at: number) => void) => {
  const started = performance.now();
  for (let k = 1; k <= keystrokes; k++) edit(Math.min(k * step, state.doc.content.size - 2));
  return (performance.now() - started) / keystrokes;
};
// Once untimed, so that the timed rounds run compiled code.
timed((at) => (state = state.apply(state.tr.insertText("x", at))));
const deleting = timed((at) => (state = state.apply(state.tr.delete(at, at + 1))));
const typing = timed((at) => (state = state.apply(state.tr.insertText("x", at))));
console.log(`Edit mode on ${os.cpus().length} CPU(s), Node ${process.version}: ${text.length.toLocaleString("en")} characters, ${claims.toLocaleString("en")} claims.`);
console.log(`per deleted character ${deleting.toFixed(3)} ms, per typed character ${typing.toFixed(3)} ms (a frame is 16 ms)`);
