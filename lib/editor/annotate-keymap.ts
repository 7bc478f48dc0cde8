import { Plugin } from "prosemirror-state";
import { matchesKey } from "@/lib/keyboard/key-binding";
import { isApplePlatform } from "@/lib/keyboard/platform";
import { keyOf, WORKBENCH_SHORTCUTS } from "@/lib/keyboard/shortcuts";

const ANNOTATE_KEY = keyOf(WORKBENCH_SHORTCUTS, "annotate");

/**
 * Mod-Shift-A in the article: annotate the selected text as a claim (nothing on an empty selection).
 * `annotate` answers whether it did; when it did not, the key goes on to the page and the browser.
 */
export function annotateKeymap(annotate: () => boolean) {
  return new Plugin({
    props: {
      handleKeyDown(view, event) {
        return !view.state.selection.empty && matchesKey(ANNOTATE_KEY, event, isApplePlatform()) && annotate();
      },
    },
  });
}
