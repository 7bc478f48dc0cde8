"use client";

import { useEffect, useRef, type ReactNode } from "react";

const FOCUSABLE = "a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex='-1'])";

type Props = {
  className: string;
  role?: "dialog" | "alertdialog";
  labelledBy: string;
  describedBy?: string;
  /** Escape (the dialog's cancel), a `<form method="dialog">` inside it, or its unmounting. */
  onClose(): void;
  children: ReactNode;
};

/**
 * A modal <dialog>, open while mounted: the page behind is inert, Tab and Shift+Tab cycle inside it
 * rather than leaving for the browser's toolbar, Escape closes it, and the focus goes back to where
 * it was. The control marked `data-autofocus`, else the first, has the focus when it opens.
 */
export function ModalDialog({ className, role = "dialog", labelledBy, describedBy, onClose, children }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  });

  useEffect(() => {
    const element = dialog.current!;
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    element.showModal();
    (element.querySelector<HTMLElement>("[data-autofocus]") ?? element.querySelector<HTMLElement>(FOCUSABLE))?.focus();
    const closed = () => close.current();
    element.addEventListener("close", closed);
    return () => {
      element.removeEventListener("close", closed);
      if (element.open) element.close();
      if (returnTo?.isConnected) returnTo.focus();
    };
  }, []);

  const trapTab = (event: React.KeyboardEvent<HTMLDialogElement>) => {
    if (event.key !== "Tab") return;
    const focusable = Array.from(dialog.current!.querySelectorAll<HTMLElement>(FOCUSABLE));
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <dialog ref={dialog} className={`modal-dialog ${className}`} role={role} aria-modal="true" aria-labelledby={labelledBy} aria-describedby={describedBy} onKeyDown={trapTab}>
      {children}
    </dialog>
  );
}
