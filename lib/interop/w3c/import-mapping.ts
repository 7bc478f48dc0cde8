import { LIMITS } from "@/lib/annotations/input";
import { VERDICT_LABELS, VERDICTS, type Verdict } from "@/lib/annotations/verdicts";
import { todayISODate } from "@/lib/dates";
import { isSafeHttpUrl } from "@/lib/urls";
import type { ImportedBody } from "./import-input";

/** What an imported annotation's bodies say about the claim. */
export type ImportedClaimContent = {
  verdict: Verdict | null;
  explanation: string;
  sources: { url: string; title: string; publisher: string; quote: string; accessedAt: string; archiveUrl: null }[];
};

/** The verdict a label or code names ("Mostly true", "mostly_true", "MOSTLY TRUE"), or null for anything else. */
export function verdictNamed(value: string): Verdict | null {
  const wanted = value.trim().toLowerCase().replace(/[\s-]+/g, "_");
  return VERDICTS.find((verdict) => verdict === wanted || VERDICT_LABELS[verdict].toLowerCase().replace(/\s+/g, "_") === wanted) ?? null;
}

const linkOf = (body: ImportedBody): string | undefined => (typeof body.source === "string" ? body.source : (body.source?.id ?? body.id));

/**
 * The verdict (an `assessing` body, or a `tagging` one that names a verdict), the explanation (the
 * other textual bodies: `describing`, `commenting`, or none, joined) and the sources (`linking` bodies
 * with an http(s) address; any other address is dropped, never stored as a link) of an imported annotation.
 */
export function claimContentOf(bodies: readonly ImportedBody[]): ImportedClaimContent {
  let verdict: Verdict | null = null;
  const explanations: string[] = [];
  const sources: ImportedClaimContent["sources"] = [];
  for (const body of bodies) {
    const purpose = body.purpose ?? "";
    if (purpose === "assessing" || purpose === "tagging") {
      verdict ??= body.value ? verdictNamed(body.value) : null;
    } else if (purpose === "linking") {
      const url = linkOf(body)?.trim();
      if (url && isSafeHttpUrl(url) && url.length <= LIMITS.url && sources.length < LIMITS.sources) {
        sources.push({ url, title: (body.label ?? "").slice(0, LIMITS.sourceTitle), publisher: "", quote: "", accessedAt: todayISODate(), archiveUrl: null });
      }
    } else if (body.value?.trim() && ["", "describing", "commenting", "explaining"].includes(purpose)) {
      explanations.push(body.value.trim());
    }
  }
  return { verdict, explanation: explanations.join("\n\n").slice(0, LIMITS.explanation), sources };
}
