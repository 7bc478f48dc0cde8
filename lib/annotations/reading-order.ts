import type { AnnotationRecord } from "./record";

type Placed = Pick<AnnotationRecord, "selectors" | "createdAt">;

/**
 * Claims in the order a reader meets them: by where they start in the text, the shorter first where
 * two start together (it ends first), and the older first where two cover the same text. The API
 * lists them in this order (`selectArticleAnnotations`), the side panel keeps it as answers come
 * back, and the editor draws the highlights from the same list, so cards, highlights and j/k agree.
 */
export function compareReadingOrder(a: Placed, b: Placed): number {
  return a.selectors[1].start - b.selectors[1].start || a.selectors[1].end - b.selectors[1].end || a.createdAt.localeCompare(b.createdAt);
}
