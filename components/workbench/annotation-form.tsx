"use client";

import { useId, useState } from "react";
import type { Claimant } from "@/lib/annotations/claimant";
import { LIMITS } from "@/lib/annotations/input";
import { VERDICTS, VERDICT_LABELS, type Verdict } from "@/lib/annotations/verdicts";
import type { FieldErrors } from "@/lib/errors";
import { ApiError } from "../api-client";
import { emptySource, formErrorsOf, payloadOf, type ClaimDraft, type ClaimPayload, type SourceDraft } from "./claim-draft";
import { Message } from "../message";
import { ClaimantFields } from "./claimant-fields";

type Props = {
  heading: string;
  quote: string;
  draft: ClaimDraft;
  onDraftChange(draft: ClaimDraft): void;
  /** Saves the claim; with `submit`, also sends it to review. Throws `ApiError` when refused. */
  onSave(payload: ClaimPayload, submit: boolean): Promise<void>;
  onCancel(): void;
  /** Shown above the buttons, e.g. that someone else changed the annotation meanwhile. */
  notice?: React.ReactNode;
  /** Shown under the quote, e.g. that a revision changed the selected text. */
  quoteNote?: React.ReactNode;
  /** Who made the article's other claims: offered as the claimant is typed. */
  claimants: readonly Claimant[];
};

const SOURCE_FIELDS: { key: keyof SourceDraft; label: string; type: string; required?: boolean; max?: number }[] = [
  { key: "url", label: "URL", type: "url", required: true, max: LIMITS.url },
  { key: "title", label: "Title", type: "text", max: LIMITS.sourceTitle },
  { key: "publisher", label: "Publisher", type: "text", max: LIMITS.sourcePublisher },
  { key: "accessedAt", label: "Accessed", type: "date" },
  { key: "archiveUrl", label: "Archive URL", type: "url", max: LIMITS.url },
];

/** The claim's verdict, explanation and sources. Text stays in the form until the server has accepted it. */
export function AnnotationForm({ heading, quote, draft, onDraftChange, onSave, onCancel, notice, quoteNote, claimants }: Props) {
  const id = useId();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [saving, setSaving] = useState<"draft" | "submit" | null>(null);

  const update = (change: Partial<ClaimDraft>) => onDraftChange({ ...draft, ...change });
  const updateSource = (index: number, change: Partial<SourceDraft>) =>
    update({ sources: draft.sources.map((source, i) => (i === index ? { ...source, ...change } : source)) });

  async function save(submit: boolean) {
    const checked = payloadOf(draft, submit);
    if ("errors" in checked) {
      setErrors(checked.errors);
      setMessage(submit ? "Complete the highlighted fields to submit for review, or save as a draft." : "Correct the highlighted fields.");
      return;
    }
    setSaving(submit ? "submit" : "draft");
    setErrors({});
    setMessage(null);
    try {
      await onSave(checked.payload, submit);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setErrors(formErrorsOf(draft, error.fields));
      setMessage(error.message);
    } finally {
      setSaving(null);
    }
  }

  const fieldError = (field: string) =>
    errors[field] ? (
      <p className="field-error" id={`${id}-${field}-error`} role="alert">
        {errors[field]}
      </p>
    ) : null;
  const described = (field: string) => (errors[field] ? `${id}-${field}-error` : undefined);

  return (
    <form
      className="annotation-form"
      aria-labelledby={`${id}-heading`}
      onSubmit={(event) => {
        event.preventDefault();
        void save(false);
      }}
    >
      <h2 id={`${id}-heading`}>{heading}</h2>
      <blockquote className="annotation-form__quote">{quote}</blockquote>
      {quoteNote}

      <label htmlFor={`${id}-verdict`}>Verdict</label>
      {/* Opening the form (Mod-Shift-A, Edit) moves the focus into it, so that the keyboard goes on from there. */}
      <select
        id={`${id}-verdict`}
        autoFocus
        value={draft.verdict}
        aria-invalid={!!errors.verdict}
        aria-describedby={described("verdict")}
        onChange={(event) => update({ verdict: event.target.value as Verdict | "" })}
      >
        <option value="">Not decided yet</option>
        {VERDICTS.map((verdict) => (
          <option key={verdict} value={verdict}>
            {VERDICT_LABELS[verdict]}
          </option>
        ))}
      </select>
      {fieldError("verdict")}

      <ClaimantFields
        idPrefix={id}
        claimant={draft.claimant}
        known={claimants}
        errors={errors}
        onChange={(claimant) => {
          update({ claimant });
          // What was wrong with the claimant is said again at the next save, if it still is.
          setErrors(({ "claimant.name": _name, "claimant.role": _role, ...others }) => others);
        }}
      />

      <label htmlFor={`${id}-explanation`}>Explanation</label>
      <textarea
        id={`${id}-explanation`}
        rows={6}
        maxLength={LIMITS.explanation}
        value={draft.explanation}
        aria-invalid={!!errors.explanation}
        aria-describedby={described("explanation")}
        onChange={(event) => update({ explanation: event.target.value })}
      />
      {fieldError("explanation")}

      <fieldset className="sources">
        <legend>Sources</legend>
        {fieldError("sources")}
        {draft.sources.map((source, index) => (
          <div className="source-row" key={index} role="group" aria-label={`Source ${index + 1}`}>
            <div className="source-row__header">
              <span>Source {index + 1}</span>
              {draft.sources.length > 1 && (
                <button
                  type="button"
                  className="link-button"
                  onClick={() => update({ sources: draft.sources.filter((_, i) => i !== index) })}
                >
                  Remove source {index + 1}
                </button>
              )}
            </div>
            {SOURCE_FIELDS.map((field) => {
              const name = `sources.${index}.${field.key}`;
              return (
                <div className="field" key={field.key}>
                  <label htmlFor={`${id}-${name}`}>
                    {field.label}
                    {field.required && <span aria-hidden="true"> *</span>}
                  </label>
                  <input
                    id={`${id}-${name}`}
                    type={field.type}
                    inputMode={field.type === "url" ? "url" : undefined}
                    placeholder={field.type === "url" ? "https://" : undefined}
                    maxLength={field.max}
                    value={source[field.key]}
                    aria-invalid={!!errors[name]}
                    aria-describedby={described(name)}
                    onChange={(event) => updateSource(index, { [field.key]: event.target.value })}
                  />
                  {fieldError(name)}
                </div>
              );
            })}
            <div className="field">
              <label htmlFor={`${id}-sources.${index}.quote`}>Quoted excerpt</label>
              <textarea
                id={`${id}-sources.${index}.quote`}
                rows={2}
                maxLength={LIMITS.sourceQuote}
                value={source.quote}
                onChange={(event) => updateSource(index, { quote: event.target.value })}
              />
              {fieldError(`sources.${index}.quote`)}
            </div>
          </div>
        ))}
        {draft.sources.length < LIMITS.sources && (
          <button type="button" className="secondary" onClick={() => update({ sources: [...draft.sources, emptySource()] })}>
            Add source
          </button>
        )}
      </fieldset>

      {notice}
      <Message text={message} />
      <div className="form-actions">
        <button type="button" className="primary" disabled={!!saving} onClick={() => void save(true)}>
          {saving === "submit" ? "Submitting…" : "Submit for review"}
        </button>
        <button type="submit" className="secondary" disabled={!!saving}>
          {saving === "draft" ? "Saving…" : "Save draft"}
        </button>
        <button type="button" className="link-button" onClick={onCancel} disabled={!!saving}>
          Cancel
        </button>
      </div>
    </form>
  );
}
