export { describe } from "./describe";
export {
  CONTEXT_LENGTH,
  textPositionSelectorSchema,
  textQuoteSelectorSchema,
  type Selector,
  type TextPositionSelector,
  type TextQuoteSelector,
} from "./selectors";
