import { z } from "zod";
import { CLAIMANT_LIMITS, type Claimant } from "@/lib/annotations/claimant";
import { LIMITS } from "@/lib/annotations/input";
import { VERDICT_LABELS, VERDICTS, type Verdict } from "@/lib/annotations/verdicts";
import { newsroomConfig } from "@/lib/newsroom/config";
import { dayIn } from "@/lib/time-zone";
import { isSafeHttpUrl } from "@/lib/urls";
import type { ImportedBody } from "./import-input";

/** What an imported annotation's bodies say about the claim. */
export type ImportedClaimContent = {
  verdict: Verdict | null;
  explanation: string;
  sources: { url: string; title: string; publisher: string; quote: string; accessedAt: string; archiveUrl: string | null }[];
};

/** The verdict a label or code names ("Mostly true", "mostly_true", "MOSTLY TRUE"), or null for anything else. */
export function verdictNamed(value: string): Verdict | null {
  const wanted = value.trim().toLowerCase().replace(/[\s-]+/g, "_");
  return VERDICTS.find((verdict) => verdict === wanted || VERDICT_LABELS[verdict].toLowerCase().replace(/\s+/g, "_") === wanted) ?? null;
}

const linkOf = (body: ImportedBody): string | undefined => (typeof body.source === "string" ? body.source : (body.source?.id ?? body.id));

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
/** The objects of a property that may hold one or a list. */
const objectsOf = (value: unknown): Record<string, unknown>[] => (Array.isArray(value) ? value : [value]).filter(isRecord);
const textOf = (value: unknown, max: number): string => (typeof value === "string" ? value.trim().slice(0, max) : "");

/** The day a source was read, from a TimeState's `sourceDate` ("2024-11-20T00:00:00Z"): never a day to come, else today (the newsroom's). */
function accessedOn(state: Record<string, unknown> | undefined): string {
  const today = dayIn(newsroomConfig().timeZone);
  const day = typeof state?.sourceDate === "string" ? state.sourceDate.slice(0, 10) : "";
  return z.iso.date().safeParse(day).success && day <= today ? day : today;
}

/**
 * A linking body as a source: its title (`label`), publisher (`dcterms:publisher`), the passage
 * relied on (a TextQuoteSelector of the source), the day it was read and its archived copy (a
 * TimeState's `sourceDate` and `cached`), as our export writes them. What is missing or unusable
 * is left empty; an archive address that is not http(s) is dropped.
 */
function sourceOf(body: ImportedBody, url: string): ImportedClaimContent["sources"][number] {
  const state = objectsOf(body.state).find((candidate) => candidate.type === "TimeState");
  const quote = objectsOf(body.selector).find((candidate) => candidate.type === "TextQuoteSelector");
  const cached = textOf(state?.cached, LIMITS.url + 1);
  return {
    url,
    title: textOf(body.label, LIMITS.sourceTitle),
    publisher: textOf(body["dcterms:publisher"], LIMITS.sourcePublisher),
    quote: textOf(quote?.exact, LIMITS.sourceQuote),
    accessedAt: accessedOn(state),
    archiveUrl: cached && cached.length <= LIMITS.url && isSafeHttpUrl(cached) ? cached : null,
  };
}

/**
 * Who made the claim, as our export writes it: `schema:itemReviewed` a Claim whose `schema:author` has a
 * `schema:name`, an organization when typed so (else a person), its role its job title or description.
 * Null when no name is given; text beyond the limits is cut.
 */
export function claimantOfW3c(itemReviewed: unknown): Claimant | null {
  const author = objectsOf(itemReviewed).flatMap((claim) => objectsOf(claim["schema:author"]))[0];
  const name = textOf(author?.["schema:name"], CLAIMANT_LIMITS.name);
  if (!author || !name) return null;
  const kind = author.type === "schema:Organization" ? "organization" : "person";
  const role = textOf(author["schema:jobTitle"] ?? author["schema:description"], CLAIMANT_LIMITS.role);
  return { name, kind, role: role || null };
}

/**
 * The verdict (an `assessing` body, or a `tagging` one that names a verdict), the explanation (the
 * other textual bodies: `describing`, `commenting`, or none, joined) and the sources (`linking` bodies
 * with an http(s) address; any other address is dropped, never stored as a link) of an imported annotation.
 * Its review status (`schema:creativeWorkStatus`) is not read: an imported claim is a draft to check.
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
        sources.push(sourceOf(body, url));
      }
    } else if (body.value?.trim() && ["", "describing", "commenting", "explaining"].includes(purpose)) {
      explanations.push(body.value.trim());
    }
  }
  return { verdict, explanation: explanations.join("\n\n").slice(0, LIMITS.explanation), sources };
}
