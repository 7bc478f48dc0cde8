"use client";

import { useEffect, useRef, type RefObject } from "react";
import { moveCursor } from "@/lib/keyboard/cursor";
import { WORKBENCH_SHORTCUTS } from "@/lib/keyboard/shortcuts";
import { focusField } from "../keyboard/focus-field";
import { useShortcuts } from "../keyboard/use-shortcuts";
import type { ArticleEditorHandle } from "./article-editor";
import { scrollBehavior } from "./scroll";

type Options = {
  /** The ids of the claims whose cards are shown (the status filter applies), in reading order. */
  shownIds: readonly string[];
  currentId: string | null;
  activeId: string | null;
  setCurrentId(id: string): void;
  setActiveId(id: string | null): void;
  activate(id: string): void;
  editor: RefObject<ArticleEditorHandle | null>;
  showShortcuts(): void;
};

/** A card's summary button: where j/k and Escape leave the focus, so that Enter (the button's own) opens it. */
function summaryOf(id: string): HTMLElement | null {
  return document.getElementById(`claim-card-${id}`)?.querySelector<HTMLElement>(".claim-card__summary") ?? null;
}

/**
 * The workbench's keyboard shortcuts (see `WORKBENCH_SHORTCUTS`). j and k make the next or previous
 * shown claim current, closing the open one, and put the focus on its card; Enter opens the current
 * claim; Escape closes the open one and returns the focus to its card.
 */
export function useClaimKeys(options: Options): void {
  const { shownIds, currentId, activeId, setCurrentId, setActiveId, activate, editor, showShortcuts } = options;
  // The card to focus once it is rendered: a card moved to may be past the panel's first page.
  const focusNext = useRef<string | null>(null);
  useEffect(() => {
    const id = focusNext.current;
    const summary = id && summaryOf(id);
    if (!summary) return;
    focusNext.current = null;
    summary.focus({ preventScroll: true });
    // Scrolls the panel only: the article scrolls to the claim's highlight at the same time, and a
    // second scroll of the page would stop that one. (`container` is ignored where unsupported.)
    summary.closest("article")?.scrollIntoView({ block: "nearest", behavior: scrollBehavior(), container: "nearest" } as ScrollIntoViewOptions);
  });

  const move = (direction: 1 | -1) => {
    const next = moveCursor(shownIds, currentId && shownIds.includes(currentId) ? currentId : null, direction);
    if (!next) return false;
    if (next === currentId && !activeId) {
      // At either end nothing changes and nothing renders: the focus goes back to the card here.
      summaryOf(next)?.focus();
      return true;
    }
    setActiveId(null);
    setCurrentId(next);
    focusNext.current = next;
    return true;
  };

  useShortcuts(WORKBENCH_SHORTCUTS, {
    nextClaim: () => move(1),
    previousClaim: () => move(-1),
    openClaim: () => {
      if (!currentId || currentId === activeId) return false;
      activate(currentId);
      return true;
    },
    closeClaim: () => {
      if (!activeId) return false;
      setActiveId(null);
      focusNext.current = activeId;
      return true;
    },
    annotate: () => editor.current?.annotatePageSelection() ?? false,
    // The claims panel's search, marked so; there is none while the article has no claims.
    findClaims: () => focusField(document.querySelector("[data-find-claims]")),
    showShortcuts: () => {
      showShortcuts();
      return true;
    },
  });
}
