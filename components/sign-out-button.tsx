"use client";

import { signOut } from "next-auth/react";
import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/**
 * Signs out. Disabled until the page has hydrated: the server's button has no handler, and a click
 * on it would do nothing (nor tell anyone so) on a page still loading its scripts.
 */
export function SignOutButton() {
  const hydrated = useSyncExternalStore(noSubscription, () => true, () => false);
  return (
    <button type="button" className="link-button" disabled={!hydrated} onClick={() => void signOut({ callbackUrl: "/signin" })}>
      Sign out
    </button>
  );
}
