export { anchor, PLACEMENT_CONFIDENCE, type Anchor, type StoredSelector } from "./anchor";
export { describe } from "./describe";
export { reanchor } from "./reanchor";
export {
  CONTEXT_LENGTH,
  textPositionSelectorSchema,
  textQuoteSelectorSchema,
  type Selector,
  type TextPositionSelector,
  type TextQuoteSelector,
} from "./selectors";
