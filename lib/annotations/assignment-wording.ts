import { formatDueDate } from "@/lib/dates";
import type { Assignment } from "./record";

/**
 * What an assignment did, said after the name of whoever made it ("assigned it to Rita Reviewer
 * instead of Sam, due 4 Dec 2026"): the claim's history in the report, in the desk's words.
 */
export function describeAssignment(actorId: string, { assignee, previousAssignee, dueOn }: Assignment): string {
  const due = dueOn ? `, due ${formatDueDate(dueOn)}` : "";
  if (assignee && assignee.id === previousAssignee?.id) return dueOn ? `set it due ${formatDueDate(dueOn)}` : "removed its due date";
  if (assignee?.id === actorId) return `took it${due}`;
  if (assignee) return `assigned it to ${assignee.name}${previousAssignee ? ` instead of ${previousAssignee.name}` : ""}${due}`;
  if (previousAssignee?.id === actorId) return "gave it back";
  if (previousAssignee) return `took it off ${previousAssignee.name}`;
  return dueOn ? `set it due ${formatDueDate(dueOn)}` : "removed its due date";
}
