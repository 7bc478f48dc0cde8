import { z } from "zod";
import { CLAIMANT_LIMITS } from "@/lib/annotations/claimant";
import { MAX_TOPIC_LENGTH } from "@/lib/articles/topic-limits";
import { VERDICTS, type Verdict } from "@/lib/annotations/verdicts";
import { isId } from "@/lib/ids";
import { REVIEW_STATUSES } from "./statuses";

/**
 * The orders the review queue can be read in. `urgency` is "My queue"'s order, most urgent first and
 * never reversed (see lib/reviews/urgency.ts); the others sort by one column either way, ties broken
 * by the last change and then by id.
 */
const QUEUE_SORTS = ["urgency", "updated", "created", "due", "status", "article"] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];

const SORT_DIRECTIONS = ["asc", "desc"] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];

/** The direction a sort starts in when only its column is chosen: what a reader of that column wants first. */
export const DEFAULT_DIRECTIONS: Record<QueueSort, SortDirection> = {
  urgency: "asc",
  updated: "desc",
  created: "desc",
  due: "asc",
  status: "asc",
  article: "asc",
};

/** The verdict filter's value for claims without a verdict yet. */
export const NO_VERDICT = "none";
type VerdictFilter = Verdict | typeof NO_VERDICT;

/**
 * The placement filter's values: claims a revision left on a doubtful place or with changed words
 * ("check placement"), and claims whose text a revision took (orphaned). An editor's rounds after a revision.
 */
export const PLACEMENT_FILTERS = ["check", "orphaned"] as const;
export type PlacementFilter = (typeof PLACEMENT_FILTERS)[number];

/** The page sizes the page offers; the API takes any size up to the largest. */
export const QUEUE_PAGE_SIZES = [25, 50, 100] as const;
const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 25;
/** Far past any real queue (100,000 claims are 1,000 pages of 100); keeps OFFSET and the URL sane. */
const MAX_PAGE = 100_000;

/** The parameters that may be repeated (`status=draft&status=in_review`) or comma-separated; the others are given once. */
const LIST_PARAMETERS = new Set(["status", "verdict", "placement"]);

/**
 * The queue's parameters from a URL's query, as the schema reads them: lists for `status`,
 * `verdict` and `placement`, a string for a parameter given once, an array (refused by the schema) for one repeated.
 * Empty values are left out, so that a form's "any" option (value "") filters nothing.
 */
export function queueParamsOf(params: URLSearchParams): Record<string, string | string[]> {
  const values: Record<string, string[]> = {};
  for (const [name, raw] of params) {
    const parts = LIST_PARAMETERS.has(name) ? raw.split(",") : [raw];
    for (const part of parts.map((value) => value.trim()).filter(Boolean)) (values[name] ??= []).push(part);
  }
  return Object.fromEntries(
    Object.entries(values).map(([name, list]) => [name, LIST_PARAMETERS.has(name) || list.length > 1 ? list : list[0]!]),
  );
}

const once = <T extends z.ZodType<unknown, string>>(schema: T) =>
  z.union([z.string(), z.array(z.string())]).pipe(
    z.custom<string>((value) => typeof value === "string", "must be given once").pipe(schema),
  );

const wholeNumber = (min: number, max: number) =>
  once(
    z
      .string()
      .regex(/^\d{1,9}$/, `must be a whole number from ${min} to ${max.toLocaleString("en")}`)
      .transform(Number)
      .pipe(z.number().min(min, `must be at least ${min}`).max(max, `must be at most ${max.toLocaleString("en")}`)),
  );

/** A user id, or one of the `words` that stand for people ("me", "unassigned"). */
const personOr = (words: string[], message: string) => z.string().refine((value) => words.includes(value) || isId(value), message);

const isoDate = once(z.iso.date({ error: "must be a date as YYYY-MM-DD" }));

const unique = <T>(values: T[]) => [...new Set(values)];

/** A list parameter (one value or several) whose every value is one of `values`; the message names the first that is not. */
const listOf = <V extends string>(values: readonly V[]) =>
  z
    .union([z.string().transform((value) => [value]), z.array(z.string())], { error: "must be a list of values" })
    .superRefine((list, context) => {
      const unknown = list.find((value) => !(values as readonly string[]).includes(value));
      if (unknown !== undefined) context.addIssue({ code: "custom", message: `"${unknown}" is not one of ${values.join(", ")}` });
    })
    .transform((list) => unique(list as V[]));

/** The longest search of the claims' words, in characters. */
export const MAX_QUEUE_SEARCH = 200;

const queueParameterShape = {
  q: once(z.string().trim().max(MAX_QUEUE_SEARCH, `must be at most ${MAX_QUEUE_SEARCH} characters`)).optional(),
  status: listOf(REVIEW_STATUSES).optional(),
  verdict: listOf<VerdictFilter>([...VERDICTS, NO_VERDICT]).optional(),
  placement: listOf(PLACEMENT_FILTERS).optional(),
  assignee: once(personOr(["me", "unassigned"], "must be a user id, me or unassigned")).optional(),
  author: once(personOr(["me"], "must be a user id or me")).optional(),
  article: once(z.uuid({ error: "must be an article id" })).optional(),
  claimant: once(z.string().trim().max(CLAIMANT_LIMITS.name, `must be at most ${CLAIMANT_LIMITS.name} characters`)).optional(),
  topic: once(z.string().trim().max(MAX_TOPIC_LENGTH, `must be at most ${MAX_TOPIC_LENGTH} characters`)).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  sort: once(z.enum(QUEUE_SORTS, { error: () => `must be one of ${QUEUE_SORTS.join(", ")}` })).optional(),
  dir: once(z.enum(SORT_DIRECTIONS, { error: () => "must be asc or desc" })).optional(),
  page: wholeNumber(1, MAX_PAGE).optional(),
  pageSize: wholeNumber(1, MAX_PAGE_SIZE).optional(),
};

const queueParamsSchema = z
  .record(z.string(), z.unknown())
  // A misspelt filter (`stauts=`) would otherwise silently show everything: name it.
  .superRefine((params, context) => {
    for (const name of Object.keys(params)) {
      if (!Object.hasOwn(queueParameterShape, name)) context.addIssue({ code: "custom", path: [name], message: "is not a parameter of the queue" });
    }
  })
  .pipe(z.object(queueParameterShape))
  .refine((params) => !params.from || !params.to || params.from <= params.to, { path: ["to"], message: "must not be before from" })
  .refine((params) => params.sort !== "urgency" || params.dir !== "desc", { path: ["dir"], message: "must be asc with sort=urgency: most urgent first" });

/**
 * The review queue's query, parsed from its URL parameters (see `queueParamsOf`). Without `sort`,
 * a queue of one's own assignments (assignee=me) is read most urgent first, any other newest change first.
 */
export const queueQuerySchema = queueParamsSchema.transform((params) => {
  const sort: QueueSort = params.sort ?? (params.assignee === "me" ? "urgency" : "updated");
  return {
    q: params.q || undefined,
    status: params.status ?? [],
    verdict: params.verdict ?? [],
    placement: params.placement ?? [],
    assignee: params.assignee,
    author: params.author,
    article: params.article,
    claimant: params.claimant || undefined,
    topic: params.topic || undefined,
    from: params.from,
    to: params.to,
    sort,
    dir: params.dir ?? DEFAULT_DIRECTIONS[sort],
    page: params.page ?? 1,
    pageSize: params.pageSize ?? DEFAULT_PAGE_SIZE,
  };
});

export type QueueQuery = z.output<typeof queueQuerySchema>;
