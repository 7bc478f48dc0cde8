import { baseKeymap, setBlockType, toggleMark } from "prosemirror-commands";
import { history, redo, undo } from "prosemirror-history";
import { keymap } from "prosemirror-keymap";
import type { Command, Plugin } from "prosemirror-state";
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

/** The plugins that make the article editable: undo history and the editing keys. */
export function editingPlugins(): Plugin[] {
  return [
    history(),
    keymap({
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
