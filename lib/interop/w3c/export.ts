import type { TextPositionSelector, TextQuoteSelector } from "@/lib/anchoring";
import type { Claimant } from "@/lib/annotations/claimant";
import type { AnnotationRecord, SourceRecord } from "@/lib/annotations/record";
import { VERDICT_LABELS } from "@/lib/annotations/verdicts";
import { REVIEW_STATUS_LABELS } from "@/lib/reviews/statuses";

/** The W3C Web Annotation JSON-LD context, and the media type that names it as the profile. */
export const W3C_CONTEXT = "http://www.w3.org/ns/anno.jsonld";
export const W3C_MEDIA_TYPE = `application/ld+json; profile="${W3C_CONTEXT}"`;

/** Annotations per AnnotationPage: a long article's claims in a few requests, each well under a megabyte. */
export const W3C_PAGE_SIZE = 100;

/**
 * A source, in terms the W3C context (anno.jsonld) defines: its title as `label`, its publisher
 * as `dcterms:publisher`, the passage relied on as a TextQuoteSelector of the source, and the day
 * it was read (`sourceDate`) with its archived copy (`cached`) as a TimeState.
 */
export type W3cSourceBody = {
  type: "SpecificResource";
  purpose: "linking";
  source: string;
  label?: string;
  "dcterms:publisher"?: string;
  selector?: { type: "TextQuoteSelector"; exact: string };
  state: { type: "TimeState"; sourceDate: string; cached?: string };
};

export type W3cBody =
  | { type: "TextualBody"; purpose: "assessing"; value: string; format: "text/plain" }
  | { type: "TextualBody"; purpose: "describing"; value: string; format: "text/plain" }
  | W3cSourceBody;

export type W3cAnnotation = {
  id: string;
  type: "Annotation";
  motivation: "assessing";
  created: string;
  modified: string;
  creator: { type: "Person"; name: string };
  /** Where the claim stands in review ("Draft", "Approved", …): a verdict is the desk's only once approved. */
  "schema:creativeWorkStatus": string;
  /** The claim reviewed, when the fact-checker named who made it: its author, as ClaimReview has it. */
  "schema:itemReviewed"?: W3cClaim;
  body: W3cBody[];
  /** An orphan's target has its quote only: the position it had points into an older revision. */
  target: { source: string; selector: [TextQuoteSelector, TextPositionSelector] | [TextQuoteSelector] };
};

/** A claim and who made it, in schema.org terms: a person's role is their job title, an organization's its description. */
export type W3cClaim = {
  type: "schema:Claim";
  "schema:author":
    | { type: "schema:Person"; "schema:name": string; "schema:jobTitle"?: string }
    | { type: "schema:Organization"; "schema:name": string; "schema:description"?: string };
};

function w3cClaimOf(claimant: Claimant): W3cClaim {
  const role = claimant.role ?? undefined;
  return {
    type: "schema:Claim",
    "schema:author":
      claimant.kind === "organization"
        ? { type: "schema:Organization", "schema:name": claimant.name, ...(role ? { "schema:description": role } : {}) }
        : { type: "schema:Person", "schema:name": claimant.name, ...(role ? { "schema:jobTitle": role } : {}) },
  };
}

export type W3cPage = {
  id: string;
  type: "AnnotationPage";
  partOf: { id: string; total: number };
  startIndex: number;
  next?: string;
  prev?: string;
  items: W3cAnnotation[];
};

/** Where the article's annotations live in the API, and what they annotate. */
export type W3cContext = { appUrl: string; articleId: string; title: string; targetSource: string };

export function collectionUrl(context: W3cContext): string {
  return `${context.appUrl}/api/articles/${context.articleId}/annotations`;
}

export function pageUrl(context: W3cContext, page: number): string {
  return `${collectionUrl(context)}?page=${page}`;
}

/** How many pages `total` annotations fill: at least one, possibly empty. */
export function pageCount(total: number): number {
  return Math.max(1, Math.ceil(total / W3C_PAGE_SIZE));
}

/** A source as a linking body, with each of its fields that is filled in. */
export function w3cSourceBodyOf(source: SourceRecord): W3cSourceBody {
  return {
    type: "SpecificResource",
    purpose: "linking",
    source: source.url,
    ...(source.title ? { label: source.title } : {}),
    ...(source.publisher ? { "dcterms:publisher": source.publisher } : {}),
    ...(source.quote ? { selector: { type: "TextQuoteSelector", exact: source.quote } } : {}),
    state: { type: "TimeState", sourceDate: `${source.accessedAt}T00:00:00Z`, ...(source.archiveUrl ? { cached: source.archiveUrl } : {}) },
  };
}

/**
 * One annotation in the W3C model: its review status, who made the claim (`schema:itemReviewed`), the
 * verdict (as its label) and explanation as bodies, each source a linking body, and both selectors on
 * the target (an orphan's quote only).
 */
export function w3cAnnotationOf(annotation: AnnotationRecord, context: W3cContext): W3cAnnotation {
  const body: W3cBody[] = [];
  if (annotation.verdict) body.push({ type: "TextualBody", purpose: "assessing", value: VERDICT_LABELS[annotation.verdict], format: "text/plain" });
  if (annotation.explanation) body.push({ type: "TextualBody", purpose: "describing", value: annotation.explanation, format: "text/plain" });
  body.push(...annotation.sources.map(w3cSourceBodyOf));
  const [quote] = annotation.selectors;
  return {
    id: `${context.appUrl}/api/annotations/${annotation.id}`,
    type: "Annotation",
    motivation: "assessing",
    created: annotation.createdAt,
    modified: annotation.updatedAt,
    creator: { type: "Person", name: annotation.author.name },
    "schema:creativeWorkStatus": REVIEW_STATUS_LABELS[annotation.status],
    ...(annotation.claimant ? { "schema:itemReviewed": w3cClaimOf(annotation.claimant) } : {}),
    body,
    target: { source: context.targetSource, selector: annotation.orphaned ? [quote] : annotation.selectors },
  };
}

/** Page `page` (from 1) of `annotations`, linked to its neighbours and its collection. */
export function w3cPageOf(annotations: AnnotationRecord[], page: number, context: W3cContext): W3cPage {
  const total = annotations.length;
  const startIndex = (page - 1) * W3C_PAGE_SIZE;
  return {
    id: pageUrl(context, page),
    type: "AnnotationPage",
    partOf: { id: collectionUrl(context), total },
    startIndex,
    ...(page < pageCount(total) ? { next: pageUrl(context, page + 1) } : {}),
    ...(page > 1 ? { prev: pageUrl(context, page - 1) } : {}),
    items: annotations.slice(startIndex, startIndex + W3C_PAGE_SIZE).map((annotation) => w3cAnnotationOf(annotation, context)),
  };
}

/** The collection of the article's annotations, its first page embedded so that a short article comes in one request. */
export function w3cCollectionOf(annotations: AnnotationRecord[], context: W3cContext) {
  const { partOf: _, ...first } = w3cPageOf(annotations, 1, context);
  return {
    "@context": W3C_CONTEXT,
    id: collectionUrl(context),
    type: "AnnotationCollection",
    label: `Fact-check annotations: ${context.title}`,
    total: annotations.length,
    first,
    last: pageUrl(context, pageCount(annotations.length)),
  };
}

/** A page whose `next` is the following page itself rather than its address: the form of a file that holds every page. */
export type W3cEmbeddedPage = Omit<W3cPage, "partOf" | "next"> & { next?: W3cEmbeddedPage };

/**
 * The whole collection in one document, for a download: each page embeds the next, so a file of
 * any length holds every annotation, and the import reads them all back.
 */
export function w3cCompleteCollectionOf(annotations: AnnotationRecord[], context: W3cContext) {
  let next: W3cEmbeddedPage | undefined;
  for (let page = pageCount(annotations.length); page >= 1; page--) {
    const { partOf: _, next: __, ...current } = w3cPageOf(annotations, page, context);
    next = { ...current, ...(next ? { next } : {}) };
  }
  return { ...w3cCollectionOf(annotations, context), first: next! };
}

/** A page requested on its own, with the context it needs to stand alone. */
export function w3cStandalonePageOf(annotations: AnnotationRecord[], page: number, context: W3cContext) {
  return { "@context": W3C_CONTEXT, ...w3cPageOf(annotations, page, context) };
}
