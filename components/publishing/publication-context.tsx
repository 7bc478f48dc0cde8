"use client";

import { createContext, useContext, useState, type ReactNode } from "react";
import type { Publication } from "@/lib/publishing/service";

type PublicationState = {
  publication: Publication;
  setPublication(publication: Publication): void;
  /** The app's public origin: the base of the public page's address and of its claims' embeds. */
  appUrl: string;
  /** What of the page's claims decides the public page (ids, statuses, placements), as one string that changes with it. */
  claimsSignature: string;
  setClaimsSignature(signature: string): void;
};

const NOT_PUBLISHED: PublicationState = {
  publication: { slug: null, publishedAt: null },
  setPublication() {},
  appUrl: "",
  claimsSignature: "",
  setClaimsSignature() {},
};

const PublicationContext = createContext<PublicationState>(NOT_PUBLISHED);

/**
 * Whether the article on this page is public, shared by its Publish control and its claims' cards (an
 * editor reopening a published claim is told that readers will see it go), so that publishing or
 * unpublishing here tells both at once; and the state of its claims, which the workbench keeps current
 * (live, as colleagues review), so that the list of corrections readers see follows it.
 */
export function PublicationProvider({ initial, appUrl, children }: { initial: Publication; appUrl: string; children: ReactNode }) {
  const [publication, setPublication] = useState(initial);
  const [claimsSignature, setClaimsSignature] = useState("");
  return <PublicationContext value={{ publication, setPublication, appUrl, claimsSignature, setClaimsSignature }}>{children}</PublicationContext>;
}

/** The article's publication; outside a provider, not published. */
export function usePublication(): PublicationState {
  return useContext(PublicationContext);
}
