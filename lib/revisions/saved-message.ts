import type { RevisionSaved } from "./service";

const counted = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What saving (or restoring) a revision did to the claims, in a sentence for the person who saved it. */
export function savedMessage(saved: RevisionSaved, verb = "Saved"): string {
  const carried = `${verb} revision ${saved.revision}: ${counted(saved.reanchored, "claim", "claims")} re-anchored, ${saved.orphaned} orphaned, ${saved.checkPlacement} to check`;
  return saved.restored > 0 ? `${carried}; ${counted(saved.restored, "orphan", "orphans")} back on ${saved.restored === 1 ? "its" : "their"} text.` : `${carried}.`;
}
