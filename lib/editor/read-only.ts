import { Plugin } from "prosemirror-state";

/**
 * Keeps the document unchanged while leaving it focusable, so that readers can move the caret and
 * select with the keyboard (a non-editable view has no caret). Every change to the document is refused.
 */
export const readOnlyDocument = new Plugin({
  filterTransaction: (tr) => !tr.docChanged,
  props: {
    handleTextInput: () => true,
    handlePaste: () => true,
    handleDrop: () => true,
    handleDOMEvents: {
      beforeinput: (_view, event) => {
        event.preventDefault();
        return true;
      },
    },
    attributes: { "aria-readonly": "true", inputmode: "none", spellcheck: "false" },
  },
});
