"use client";

import { useId, useState } from "react";
import type { AnnotationRecord } from "@/lib/annotations/record";
import { formatDueDate } from "@/lib/dates";
import { mayAssignAnnotation, mayPlanAssignments } from "@/lib/policies/annotation";
import { dayIn } from "@/lib/time-zone";
import type { Actor } from "@/lib/users/actor";
import { AssigneeFields, useColleagues } from "../assignee-fields";
import { Message } from "../message";
import { useApiAction } from "../use-api-action";
import { useClaimStore } from "./claim-store";
import { deskApi } from "./desk-api";
import { SubmitOrCancel } from "../submit-or-cancel";
import { useTimeZone } from "../time-zone";

/** Who checks the claim and by when; editors set both, a reviewer takes an unassigned claim or gives back their own. */
export function ClaimAssignment({ annotation, actor }: { annotation: AnnotationRecord; actor: Actor }) {
  const store = useClaimStore();
  const id = useId();
  const { busy, error, run } = useApiAction();
  const [editing, setEditing] = useState(false);
  const canPlan = mayPlanAssignments(actor).allowed;
  const canTake = !annotation.assignee && mayAssignAnnotation(actor, annotation, { assigneeId: actor.id }).allowed;
  const canGiveBack = annotation.assignee?.id === actor.id && mayAssignAnnotation(actor, annotation, { assigneeId: null }).allowed;

  async function assign(assigneeId: string | null, dueOn?: string | null) {
    if (await run(async () => store(await deskApi.assign(annotation.id, assigneeId, dueOn)))) setEditing(false);
  }

  return (
    <section className="claim-assignment" aria-labelledby={`${id}-title`}>
      <h3 className="section-title" id={`${id}-title`}>
        Assignment
      </h3>
      <Message text={error} />
      {editing ? (
        <AssignmentForm annotation={annotation} busy={busy} onSubmit={assign} onCancel={() => setEditing(false)} />
      ) : (
        <p>
          {annotation.assignee ? <>Assigned to {annotation.assignee.name}</> : <span className="muted">Nobody is assigned.</span>}
          {annotation.dueOn && <> · due <DueDate dueOn={annotation.dueOn} /></>}{" "}
          {canPlan && (
            <button type="button" className="link-button" onClick={() => setEditing(true)}>
              {annotation.assignee ? "Change" : "Assign"}
            </button>
          )}
          {!canPlan && canTake && (
            <button type="button" className="secondary" disabled={busy} onClick={() => void assign(actor.id)}>
              Take this claim
            </button>
          )}
          {!canPlan && canGiveBack && (
            <button type="button" className="link-button" disabled={busy} onClick={() => void assign(null)}>
              Give it back
            </button>
          )}
        </p>
      )}
    </section>
  );
}

/** A due date, marked overdue once the day has passed in the newsroom. */
export function DueDate({ dueOn }: { dueOn: string }) {
  const overdue = dueOn < dayIn(useTimeZone());
  return (
    <time dateTime={dueOn} className={overdue ? "overdue" : undefined}>
      {formatDueDate(dueOn)}
      {overdue && " (overdue)"}
    </time>
  );
}

function AssignmentForm(props: {
  annotation: AnnotationRecord;
  busy: boolean;
  onSubmit(assigneeId: string | null, dueOn: string | null): Promise<void>;
  onCancel(): void;
}) {
  const { colleagues, error } = useColleagues();
  const [assigneeId, setAssigneeId] = useState(props.annotation.assignee?.id ?? "");
  const [dueOn, setDueOn] = useState(props.annotation.dueOn ?? "");

  return (
    <form
      className="assignment-form"
      onSubmit={(event) => {
        event.preventDefault();
        void props.onSubmit(assigneeId || null, dueOn || null);
      }}
    >
      <Message text={error} />
      <AssigneeFields colleagues={colleagues} assigneeId={assigneeId} dueOn={dueOn} onAssigneeChange={setAssigneeId} onDueChange={setDueOn} />
      <SubmitOrCancel label="Save assignment" disabled={props.busy || !colleagues} onCancel={props.onCancel} />
    </form>
  );
}
