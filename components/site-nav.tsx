"use client";

import { usePathname } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useHydrated } from "./use-hydrated";

/**
 * The header's links (`children`). On a phone they fold behind a **Menu** button, all but those pinned
 * (`.site-header__pinned`: the inbox, and readers' messages while some wait), so that the header takes
 * one line instead of up to five; the button opens them below it, and they fold again once one is
 * followed, on the next page or with Escape. Wider screens show them all and no button (globals.css).
 */
export function SiteNav({ children }: { children: React.ReactNode }) {
  const [open, setOpen] = useState(false);
  const hydrated = useHydrated();
  const button = useRef<HTMLButtonElement>(null);
  const nav = useRef<HTMLElement>(null);
  const pathname = usePathname();
  const [shownFor, setShownFor] = useState(pathname);
  if (shownFor !== pathname) {
    setShownFor(pathname);
    setOpen(false);
  }

  useEffect(() => {
    if (!open) return;
    const closeOnEscape = (event: KeyboardEvent) => {
      // Only from the menu: elsewhere Escape is the page's (closing a claim's card, a dialog).
      const from = document.activeElement;
      if (event.key !== "Escape" || !(from === button.current || nav.current?.contains(from))) return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener("keydown", closeOnEscape);
    return () => document.removeEventListener("keydown", closeOnEscape);
  }, [open]);

  return (
    <>
      <nav
        ref={nav}
        id="site-nav"
        aria-label="Main"
        className="site-header__nav"
        data-open={open || undefined}
        onClick={(event) => (event.target as Element).closest("a") && setOpen(false)}
      >
        {children}
      </nav>
      <button
        ref={button}
        type="button"
        className="site-header__menu link-button"
        aria-controls="site-nav"
        aria-expanded={open}
        disabled={!hydrated}
        onClick={() => setOpen((wasOpen) => !wasOpen)}
      >
        Menu <span aria-hidden="true">{open ? "▴" : "▾"}</span>
      </button>
    </>
  );
}
