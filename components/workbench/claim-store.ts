"use client";

import { createContext, useContext } from "react";
import type { AnnotationDetail, AnnotationRecord } from "@/lib/annotations/record";

/** How a card's own sections (assignment, discussion) put what the server answered into the page's list of claims. */
export const ClaimStoreContext = createContext<(record: AnnotationRecord | AnnotationDetail) => void>(() => {});

export const useClaimStore = () => useContext(ClaimStoreContext);
