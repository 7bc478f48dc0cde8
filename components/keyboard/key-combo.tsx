"use client";

import { Fragment } from "react";
import { ariaKeyShortcut, keyLabels } from "@/lib/keyboard/key-binding";
import { isApplePlatform } from "@/lib/keyboard/platform";

/** A shortcut's keys as keycaps, "Ctrl + Shift + A", in this platform's names. Render only in the browser (after a user's action): the platform is read there. */
export function KeyCombo({ binding }: { binding: string }) {
  const labels = keyLabels(binding, isApplePlatform());
  return (
    <kbd className="key-combo">
      {labels.map((label, index) => (
        <Fragment key={index}>
          {index > 0 && " + "}
          <kbd>{label}</kbd>
        </Fragment>
      ))}
    </kbd>
  );
}

/** The `aria-keyshortcuts` value of a binding on this platform. */
export function ariaShortcut(binding: string): string {
  return ariaKeyShortcut(binding, isApplePlatform());
}
