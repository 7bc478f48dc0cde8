import { z } from "zod";
import { annotationUpdateSchema, LIMITS } from "@/lib/annotations/input";
import type { Claimant, ClaimantKind } from "@/lib/annotations/claimant";
import type { AnnotationRecord, SourceRecord } from "@/lib/annotations/record";
import type { Verdict } from "@/lib/annotations/verdicts";
import { todayISODate } from "@/lib/dates";
import type { FieldErrors } from "@/lib/errors";
import { missingForReview } from "@/lib/reviews/readiness";
import { fieldErrorsOf } from "@/lib/validation";

/** What the annotation form holds: text fields exactly as typed. */
export type SourceDraft = { url: string; title: string; publisher: string; quote: string; accessedAt: string; archiveUrl: string };
export type ClaimantDraft = { name: string; kind: ClaimantKind; role: string };
export type ClaimDraft = { verdict: Verdict | ""; claimant: ClaimantDraft; explanation: string; sources: SourceDraft[] };

export function emptySource(): SourceDraft {
  return { url: "", title: "", publisher: "", quote: "", accessedAt: todayISODate(), archiveUrl: "" };
}

const noClaimant = (): ClaimantDraft => ({ name: "", kind: "person", role: "" });

export function emptyDraft(): ClaimDraft {
  return { verdict: "", claimant: noClaimant(), explanation: "", sources: [emptySource()] };
}

/** A draft stored by an earlier version of the form, with the fields it did not have yet. */
export function completeDraft(stored: Partial<ClaimDraft>): ClaimDraft {
  return { ...emptyDraft(), ...stored, claimant: { ...noClaimant(), ...stored.claimant } };
}

/** Who made a claim, as the form's fields hold it. */
export function claimantDraftOf(claimant: Claimant | null): ClaimantDraft {
  return claimant ? { name: claimant.name, kind: claimant.kind, role: claimant.role ?? "" } : noClaimant();
}

export function draftOf(annotation: AnnotationRecord): ClaimDraft {
  return {
    verdict: annotation.verdict ?? "",
    claimant: claimantDraftOf(annotation.claimant),
    explanation: annotation.explanation,
    sources: annotation.sources.length
      ? annotation.sources.map((source) => ({ ...source, archiveUrl: source.archiveUrl ?? "" }))
      : [emptySource()],
  };
}

const isBlank = (source: SourceDraft) => ![source.url, source.title, source.publisher, source.quote, source.archiveUrl].some((v) => v.trim());

/**
 * The draft citing `sources` too (another claim's, checked before), after its own: blank rows give
 * way, an address it cites already is not cited twice, and the list stops at the limit of sources.
 */
export function withSources(draft: ClaimDraft, sources: readonly SourceRecord[]): ClaimDraft {
  const own = draft.sources.filter((source) => !isBlank(source));
  const cited = new Set(own.map((source) => source.url.trim()));
  const added = sources.filter((source) => !cited.has(source.url)).map((source) => ({ ...source, archiveUrl: source.archiveUrl ?? "" }));
  const all = [...own, ...added].slice(0, LIMITS.sources);
  return { ...draft, sources: all.length ? all : [emptySource()] };
}

const claimSchema = annotationUpdateSchema.omit({ version: true });
export type ClaimPayload = z.output<typeof claimSchema>;

/**
 * The API payload of a draft, or the errors by field that the server would answer with.
 * Source rows left entirely blank are dropped; `forReview` also asks for a verdict, an explanation and a source.
 */
export function payloadOf(draft: ClaimDraft, forReview: boolean): { payload: ClaimPayload } | { errors: FieldErrors } {
  const sources = draft.sources.filter((source) => !isBlank(source));
  // A claimant is named by their name: a role typed without one is a mistake to point out, not to drop.
  const { claimant } = draft;
  const named = claimant.name.trim() || claimant.role.trim() ? claimant : null;
  const result = claimSchema.safeParse({ verdict: draft.verdict || null, claimant: named, explanation: draft.explanation, sources });
  if (!result.success) return { errors: formErrorsOf(draft, fieldErrorsOf(result.error)) };
  if (forReview) {
    const missing = missingForReview(result.data as { verdict: string | null; explanation: string; sources: unknown[] });
    if (Object.keys(missing).length) return { errors: missing };
  }
  return { payload: result.data };
}

/** Errors (the form's or the server's) name sources by their index among the rows sent; the form numbers every row. */
export function formErrorsOf(draft: ClaimDraft, errors: FieldErrors): FieldErrors {
  const all = draft.sources;
  const kept = all.filter((source) => !isBlank(source));
  const remapped: FieldErrors = {};
  for (const [field, message] of Object.entries(errors)) {
    const match = /^sources\.(\d+)\.(.*)$/.exec(field);
    remapped[match ? `sources.${all.indexOf(kept[Number(match[1])]!)}.${match[2]}` : field] = message;
  }
  return remapped;
}
