"use client";

import { useRouter } from "next/navigation";
import type { ReactNode } from "react";

/**
 * A GET form to `action` that leaves empty fields out of the address (an "any" choice filters nothing,
 * so it need not be written down) and navigates within the app. Without JavaScript it is a plain GET form.
 */
export function FilterForm({ action, label, className, role, children }: { action: string; label: string; className?: string; role?: "search"; children: ReactNode }) {
  const router = useRouter();
  return (
    <form
      method="get"
      action={action}
      aria-label={label}
      className={className}
      role={role}
      onSubmit={(event) => {
        event.preventDefault();
        const params = new URLSearchParams();
        for (const [name, value] of new FormData(event.currentTarget)) if (typeof value === "string" && value) params.append(name, value);
        const search = params.toString();
        router.push(search ? `${action}?${search}` : action);
      }}
    >
      {children}
    </form>
  );
}
