"use client";

import { signOut } from "next-auth/react";
import { useHydrated } from "./use-hydrated";

/**
 * Signs out. Disabled until the page has hydrated: the server's button has no handler, and a click
 * on it would do nothing (nor tell anyone so) on a page still loading its scripts.
 */
export function SignOutButton() {
  const hydrated = useHydrated();
  return (
    <button type="button" className="link-button" disabled={!hydrated} onClick={() => void signOut({ callbackUrl: "/signin" })}>
      Sign out
    </button>
  );
}
