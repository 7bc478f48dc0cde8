import { baseKeymap, setBlockType, toggleMark } from "prosemirror-commands";
import { history, redo, undo } from "prosemirror-history";
import { keymap } from "prosemirror-keymap";
import type { Command, EditorState, Plugin } from "prosemirror-state";
import { liftListItem, sinkListItem, splitListItem, wrapInList } from "prosemirror-schema-list";
import { isSafeHttpUrl } from "@/lib/urls";
import { articleSchema } from "./schema";

const { nodes, marks } = articleSchema;

/** The editing commands the toolbar and the keyboard share. */
export const editCommands = {
  bold: toggleMark(marks.strong!),
  italic: toggleMark(marks.em!),
  paragraph: setBlockType(nodes.paragraph!),
  heading2: setBlockType(nodes.heading!, { level: 2 }),
  heading3: setBlockType(nodes.heading!, { level: 3 }),
  bulletList: wrapInList(nodes.bullet_list!),
  orderedList: wrapInList(nodes.ordered_list!),
  undo,
  redo,
} satisfies Record<string, Command>;

/** Links the selection to `href` (http or https only), or removes the link when `href` is empty. */
export function setLink(href: string): Command {
  return (state, dispatch) => {
    const { from, to, empty } = state.selection;
    if (empty) return false;
    if (!href) {
      dispatch?.(state.tr.removeMark(from, to, marks.link!));
      return true;
    }
    if (!isSafeHttpUrl(href)) return false;
    dispatch?.(state.tr.removeMark(from, to, marks.link!).addMark(from, to, marks.link!.create({ href })));
    return true;
  };
}

/** The address of the first link in the selection, or null when none of it is linked. */
export function selectedLink(state: EditorState): string | null {
  const { from, to } = state.selection;
  let href: string | null = null;
  state.doc.nodesBetween(from, to, (node) => {
    const link = href === null && node.marks.find((mark) => mark.type === marks.link);
    if (link) href = link.attrs.href as string;
    return href === null;
  });
  return href;
}

/** The plugins that make the article editable: undo history and the editing keys, Mod-s calling `save`. */
export function editingPlugins(save: () => void): Plugin[] {
  return [
    history(),
    keymap({
      // Instead of the browser's "Save page as".
      "Mod-s": () => {
        save();
        return true;
      },
      "Mod-b": editCommands.bold,
      "Mod-i": editCommands.italic,
      "Mod-z": undo,
      "Mod-Shift-z": redo,
      "Mod-y": redo,
      Enter: splitListItem(nodes.list_item!),
      Tab: sinkListItem(nodes.list_item!),
      "Shift-Tab": liftListItem(nodes.list_item!),
    }),
    keymap(baseKeymap),
  ];
}
