import type { ReanchorCounts } from "./reanchor-annotations";
import type { RevisionSaved } from "./service";

const counted = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What saving (or restoring) a revision did to the claims, in a sentence for the person who saved it. */
export function savedMessage(saved: RevisionSaved, verb = "Saved"): string {
  const carried = `${verb} revision ${saved.revision}: ${counted(saved.reanchored, "claim", "claims")} re-anchored, ${saved.orphaned} orphaned, ${saved.checkPlacement} to check`;
  return saved.restored > 0 ? `${carried}; ${counted(saved.restored, "orphan", "orphans")} back on ${saved.restored === 1 ? "its" : "their"} text.` : `${carried}.`;
}

/** What a revision's save did to the claims, as a line of the revision history: what happened, and nothing that did not. */
export function outcomeSummary(outcome: ReanchorCounts): string {
  const parts = [
    outcome.reanchored > 0 && `${counted(outcome.reanchored, "claim", "claims")} re-anchored`,
    outcome.orphaned > 0 && `${outcome.orphaned} orphaned`,
    outcome.checkPlacement > 0 && `${outcome.checkPlacement} to check`,
    outcome.restored > 0 && `${counted(outcome.restored, "orphan", "orphans")} back on ${outcome.restored === 1 ? "its" : "their"} text`,
  ].filter((part) => part !== false);
  return parts.length ? parts.join(", ") : "No claims to carry over";
}
