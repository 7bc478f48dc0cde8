"use client";

import { CLAIMANT_KIND_LABELS, CLAIMANT_KINDS, CLAIMANT_LIMITS, type Claimant, type ClaimantKind } from "@/lib/annotations/claimant";
import type { FieldErrors } from "@/lib/errors";
import type { ClaimantDraft } from "./claim-draft";

type Props = {
  idPrefix: string;
  claimant: ClaimantDraft;
  /** Claimants named on the article's other claims: offered by name, and picking one fills in the rest. */
  known: readonly Claimant[];
  errors: FieldErrors;
  onChange(claimant: ClaimantDraft): void;
};

/** "Who made the claim": a name (offered from the article's other claims), a person or an organization, and a role. */
export function ClaimantFields({ idPrefix, claimant, known, errors, onChange }: Props) {
  const id = (field: string) => `${idPrefix}-claimant.${field}`;
  const error = (field: string) =>
    errors[`claimant.${field}`] ? (
      <p className="field-error" id={`${id(field)}-error`} role="alert">
        {field === "name" ? "The name" : "The role"} {errors[`claimant.${field}`]}
      </p>
    ) : null;
  const described = (field: string) => (errors[`claimant.${field}`] ? `${id(field)}-error` : `${idPrefix}-claimant-hint`);

  function changeName(name: string) {
    const match = known.find((other) => other.name.toLocaleLowerCase("en") === name.trim().toLocaleLowerCase("en"));
    // Picking someone named before brings what was said of them, unless this claim says otherwise already.
    if (match && !claimant.role.trim()) onChange({ name, kind: match.kind, role: match.role ?? "" });
    else onChange({ ...claimant, name });
  }

  return (
    <fieldset className="claimant">
      <legend>Who made the claim</legend>
      <p className="hint" id={`${idPrefix}-claimant-hint`}>
        Optional. Readers see it with the verdict, and search engines with the fact-check.
      </p>
      <div className="claimant__row">
        <div className="field claimant__name">
          <label htmlFor={id("name")}>Name</label>
          <input
            id={id("name")}
            list={known.length ? id("known") : undefined}
            autoComplete="off"
            maxLength={CLAIMANT_LIMITS.name}
            value={claimant.name}
            aria-invalid={!!errors["claimant.name"]}
            aria-describedby={described("name")}
            onChange={(event) => changeName(event.target.value)}
          />
          {known.length > 0 && (
            <datalist id={id("known")}>
              {known.map((other) => (
                <option key={other.name} value={other.name}>
                  {other.role ?? CLAIMANT_KIND_LABELS[other.kind]}
                </option>
              ))}
            </datalist>
          )}
        </div>
        <div className="field claimant__kind">
          <label htmlFor={id("kind")}>Is</label>
          <select id={id("kind")} value={claimant.kind} onChange={(event) => onChange({ ...claimant, kind: event.target.value as ClaimantKind })}>
            {CLAIMANT_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {CLAIMANT_KIND_LABELS[kind].toLocaleLowerCase("en")}
              </option>
            ))}
          </select>
        </div>
      </div>
      {error("name")}
      <div className="field">
        <label htmlFor={id("role")}>Role or description</label>
        <input
          id={id("role")}
          placeholder={claimant.kind === "person" ? "e.g. governor of Ohio" : "e.g. a Facebook page"}
          maxLength={CLAIMANT_LIMITS.role}
          value={claimant.role}
          aria-invalid={!!errors["claimant.role"]}
          aria-describedby={described("role")}
          onChange={(event) => onChange({ ...claimant, role: event.target.value })}
        />
        {error("role")}
      </div>
    </fieldset>
  );
}
