"use client";

import { useRef, useState } from "react";
import { moveCursor } from "@/lib/keyboard/cursor";
import { ARTICLE_LIST_SHORTCUTS } from "@/lib/keyboard/shortcuts";
import { focusField } from "./keyboard/focus-field";
import { ShortcutsHelp } from "./keyboard/shortcuts-help";
import { useShortcuts } from "./keyboard/use-shortcuts";

/** The id of the list's search field, which `/` goes to. */
export const ARTICLE_SEARCH_ID = "article-search";

/**
 * The articles list's keyboard (see `ARTICLE_LIST_SHORTCUTS`) around the server-rendered table:
 * j and k put the focus on the next or previous row's link (marked with its row), so Enter opens
 * it as any link; `?` lists the keys. Rows are the elements marked `data-list-item`.
 */
export function ArticleListKeys({ children }: { children: React.ReactNode }) {
  const list = useRef<HTMLDivElement>(null);
  // The row last moved to, for when the focus has left the list since.
  const last = useRef<HTMLElement | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);

  const rows = () => Array.from(list.current?.querySelectorAll<HTMLElement>("[data-list-item]") ?? []);
  const currentRow = (all: HTMLElement[]) => all.find((row) => row.contains(document.activeElement)) ?? last.current;
  const move = (direction: 1 | -1) => {
    const all = rows();
    const next = moveCursor(all, currentRow(all), direction);
    const link = next?.querySelector("a");
    if (!next || !link) return false;
    last.current = next;
    link.focus();
    return true;
  };

  useShortcuts(ARTICLE_LIST_SHORTCUTS, {
    nextArticle: () => move(1),
    previousArticle: () => move(-1),
    openArticle: () => {
      const link = currentRow(rows())?.querySelector("a");
      link?.click();
      return !!link;
    },
    searchArticles: () => focusField(document.getElementById(ARTICLE_SEARCH_ID)),
    showShortcuts: () => {
      setHelpOpen(true);
      return true;
    },
  });

  return (
    <div ref={list}>
      <div className="list-help">
        <ShortcutsHelp shortcuts={ARTICLE_LIST_SHORTCUTS} open={helpOpen} onOpenChange={setHelpOpen} />
      </div>
      {children}
    </div>
  );
}
