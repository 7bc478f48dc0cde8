import type { AnnotationRecord } from "./record";
import { VERDICT_LABELS } from "./verdicts";

/** Lower case, without accents: "Bundesländer" is found by "bundeslander", "São" by "sao". */
const folded = (text: string) => text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

/** The words of a search, folded; none for an empty search. */
export function searchWords(search: string): string[] {
  return folded(search).split(/\s+/).filter(Boolean);
}

/** Each claim's searchable text, folded once per version of the record (a changed claim is a new object). */
const searchable = new WeakMap<AnnotationRecord, string>();

/** Everything a fact-checker may remember a claim by: its words, verdict, who made it, explanation, people and sources. */
function searchableText(annotation: AnnotationRecord): string {
  const known = searchable.get(annotation);
  if (known !== undefined) return known;
  const text = folded(
    [
      annotation.quote,
      annotation.verdict ? VERDICT_LABELS[annotation.verdict] : "",
      annotation.claimant?.name ?? "",
      annotation.claimant?.role ?? "",
      annotation.explanation,
      annotation.author.name,
      annotation.assignee?.name ?? "",
      ...annotation.sources.flatMap((source) => [source.url, source.title, source.publisher, source.quote]),
    ].join("\n"),
  );
  searchable.set(annotation, text);
  return text;
}

/** Whether the claim holds every word of the search (`searchWords`), each anywhere, in any case. */
export function matchesClaimSearch(annotation: AnnotationRecord, words: readonly string[]): boolean {
  if (words.length === 0) return true;
  const text = searchableText(annotation);
  return words.every((word) => text.includes(word));
}
