import { describe, expect, it } from "vitest";
import { describeAssignment } from "@/lib/annotations/assignment-wording";

const ED = { id: "ed", name: "Ed Editor" };
const RITA = { id: "rita", name: "Rita Reviewer" };
const SAM = { id: "sam", name: "Sam Sub" };

describe("describeAssignment: an assignment in the claim's history, after the name of who made it", () => {
  it("names whom the claim went to, whom it was taken from, and the due date", () => {
    expect(describeAssignment(ED.id, { assignee: RITA, previousAssignee: null, dueOn: "2026-12-04" })).toBe("assigned it to Rita Reviewer, due 4 Dec 2026");
    expect(describeAssignment(ED.id, { assignee: SAM, previousAssignee: RITA, dueOn: null })).toBe("assigned it to Sam Sub instead of Rita Reviewer");
    expect(describeAssignment(ED.id, { assignee: null, previousAssignee: RITA, dueOn: null })).toBe("took it off Rita Reviewer");
  });

  it("says a reviewer took a claim or gave it back", () => {
    expect(describeAssignment(RITA.id, { assignee: RITA, previousAssignee: null, dueOn: null })).toBe("took it");
    expect(describeAssignment(RITA.id, { assignee: null, previousAssignee: RITA, dueOn: null })).toBe("gave it back");
  });

  it("says a due date set, moved or removed while the assignee stays", () => {
    expect(describeAssignment(ED.id, { assignee: RITA, previousAssignee: RITA, dueOn: "2027-01-15" })).toBe("set it due 15 Jan 2027");
    expect(describeAssignment(ED.id, { assignee: RITA, previousAssignee: RITA, dueOn: null })).toBe("removed its due date");
    expect(describeAssignment(ED.id, { assignee: null, previousAssignee: null, dueOn: "2027-01-15" })).toBe("set it due 15 Jan 2027");
  });
});
