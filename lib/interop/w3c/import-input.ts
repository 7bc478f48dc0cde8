import { z } from "zod";
import { textPositionSelectorSchema, textQuoteSelectorSchema } from "@/lib/anchoring";
import { LIMITS } from "@/lib/annotations/input";
import { Invalid } from "@/lib/errors";

/** The largest annotation file an import takes. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
/** The most annotations one import places: a file beyond that is a dump of many articles, not one. */
export const MAX_IMPORT_ITEMS = 2_000;

/**
 * Selector types of the W3C model that describe a place in another rendering of the page (its DOM,
 * an image region): valid in the file, of no use on our text, so skipped. Any other type is an error.
 */
const OTHER_W3C_SELECTORS = ["RangeSelector", "XPathSelector", "CssSelector", "FragmentSelector", "DataPositionSelector", "SvgSelector"] as const;

const asList = (value: unknown) => (value === undefined || Array.isArray(value) ? value : [value]);

const selectorSchema = z.discriminatedUnion(
  "type",
  [textQuoteSelectorSchema.loose(), textPositionSelectorSchema.loose(), z.looseObject({ type: z.enum(OTHER_W3C_SELECTORS) })],
  { error: () => `must be a W3C selector: TextQuoteSelector, TextPositionSelector or one of ${OTHER_W3C_SELECTORS.join(", ")}` },
);

const targetSchema = z.looseObject({
  source: z.string().optional(),
  selector: z.preprocess(
    asList,
    z
      .array(selectorSchema, { error: "is required: a TextQuoteSelector, with a TextPositionSelector if you have one" })
      .refine((selectors) => selectors.some((selector) => selector.type === "TextQuoteSelector"), "needs a TextQuoteSelector: the quote is what places the annotation"),
  ),
});

/** A body as other tools write them: an IRI, or an object with at least a type, a purpose or a value. */
const bodySchema = z.preprocess(
  (value) => (typeof value === "string" ? { id: value } : value),
  z.looseObject({
    id: z.string().optional(),
    type: z.string().optional(),
    purpose: z.string().optional(),
    value: z.string().max(LIMITS.explanation, `must be at most ${LIMITS.explanation.toLocaleString("en")} characters`).optional(),
    label: z.string().optional(),
    source: z.union([z.string(), z.looseObject({ id: z.string() })]).optional(),
  }),
);

const annotationSchema = z.looseObject({
  body: z.preprocess(asList, z.array(bodySchema).optional()),
  // Hypothesis writes the target as a list of one.
  target: z.preprocess((value) => (Array.isArray(value) ? value[0] : value), targetSchema),
});

export type ImportedAnnotation = z.output<typeof annotationSchema>;
export type ImportedBody = NonNullable<ImportedAnnotation["body"]>[number];

/** The most pages a file may chain: MAX_IMPORT_ITEMS in pages of one, with room to spare, and never a deep recursion. */
const MAX_PAGES = MAX_IMPORT_ITEMS + 1;

/**
 * The items of a page and of every page embedded in its `next`, as a downloaded collection chains
 * them; an address in `next` is a page that is not in the file.
 */
function itemsOfPages(first: object): unknown[] {
  const all: unknown[] = [];
  let page: unknown = first;
  for (let count = 1; typeof page === "object" && page !== null; count++) {
    const { items, next } = page as { items?: unknown; next?: unknown };
    if (!Array.isArray(items)) throw new Invalid(`Page ${count} has no list of items.`, { items: "must be a list of annotations" });
    if (count > MAX_PAGES) throw new Invalid(`The file chains more than ${MAX_PAGES} pages.`, { next: "too many pages" });
    all.push(...items);
    page = next;
  }
  return all;
}

/**
 * The annotations in a W3C document: a collection (its embedded first page, and the pages embedded
 * in each page's `next`), a page, a list, or one annotation. Items are numbered across pages.
 */
function itemsOf(document: unknown): { items: unknown[]; path: string } {
  if (Array.isArray(document)) return { items: document, path: "items." };
  if (typeof document !== "object" || document === null) throw new Invalid("The file must hold W3C annotations as JSON: a collection, a page, a list or one annotation.", { body: "must be a JSON object or list" });
  const { type, first } = document as { type?: unknown; first?: unknown };
  if (type === "AnnotationCollection") {
    if (typeof first !== "object" || first === null) {
      throw new Invalid("The collection's first page is not in the file: export it with its pages embedded.", { first: "must be an embedded AnnotationPage" });
    }
    return { items: itemsOfPages(first), path: "first.items." };
  }
  if (type === "AnnotationPage") return { items: itemsOfPages(document), path: "items." };
  return { items: [document], path: "annotation." };
}

/**
 * The annotations of a W3C annotation document, every one of them valid, or `Invalid` naming each
 * failing item and field (`items.3.target.selector.0.type`): an import is all or nothing.
 */
export function parseW3cDocument(document: unknown): ImportedAnnotation[] {
  const { items, path } = itemsOf(document);
  if (items.length === 0) throw new Invalid("The file holds no annotations.", { items: "is empty" });
  if (items.length > MAX_IMPORT_ITEMS) throw new Invalid(`The file holds ${items.length} annotations; import at most ${MAX_IMPORT_ITEMS} at once.`, { items: "too many" });
  const parsed: ImportedAnnotation[] = [];
  const fields: Record<string, string> = {};
  items.forEach((item, index) => {
    const result = annotationSchema.safeParse(item);
    if (result.success) parsed.push(result.data);
    else for (const issue of result.error.issues) fields[[`${path}${index}`, ...issue.path.map(String)].join(".")] ??= issue.message;
  });
  const failures = Object.entries(fields);
  if (failures.length) {
    const summary = failures.slice(0, 5).map(([field, message]) => `${field}: ${message}`).join("; ");
    throw new Invalid(`Nothing was imported: ${failures.length === 1 ? "one field is" : `${failures.length} fields are`} invalid. ${summary}${failures.length > 5 ? "; …" : ""}`, fields);
  }
  return parsed;
}
