"use client";

import { useState, type ReactNode } from "react";

/**
 * The article's tools, folded: open at first when `initiallyOpen`, then as the person leaves them. The page
 * drawn again (a colleague's change, live) must not fold them under the person working in them.
 */
export function ToolsDisclosure({ initiallyOpen, children }: { initiallyOpen: boolean; children: ReactNode }) {
  const [open, setOpen] = useState(initiallyOpen);
  return (
    <details className="article-tools" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      {children}
    </details>
  );
}
