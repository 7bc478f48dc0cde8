"use client";

import { useId, useState } from "react";
import { isSafeHttpUrl, withWebScheme } from "@/lib/urls";
import { ModalDialog } from "../modal-dialog";
import { SubmitOrCancel } from "../submit-or-cancel";

type Props = {
  /** The address of the link already on the selection, or null for a new link. */
  current: string | null;
  onApply(href: string): void;
  onRemove(): void;
  onClose(): void;
};

/**
 * Asks for the address of a link over the selected text: http:// or https:// only (a bare
 * "www.example.org" gets https://), said beside the field when it is not. A link already there can
 * be changed or removed.
 */
export function LinkDialog({ current, onApply, onRemove, onClose }: Props) {
  const id = useId();
  const [href, setHref] = useState(current ?? "");
  const [error, setError] = useState<string | null>(null);
  const apply = (event: React.FormEvent) => {
    event.preventDefault();
    const address = withWebScheme(href);
    if (!isSafeHttpUrl(address)) return setError("Give a web address that starts with http:// or https://, such as https://example.org/report.");
    onApply(address);
  };
  return (
    <ModalDialog className="link-dialog" labelledBy={`${id}-title`} onClose={onClose}>
      <h2 id={`${id}-title`}>{current ? "Change the link" : "Link the selected text"}</h2>
      <form noValidate onSubmit={apply}>
        <label htmlFor={`${id}-href`}>Link address</label>
        <input
          id={`${id}-href`}
          type="url"
          placeholder="https://"
          value={href}
          data-autofocus=""
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onFocus={(event) => event.currentTarget.select()}
          onChange={(event) => {
            setHref(event.target.value);
            setError(null);
          }}
        />
        {error && (
          <p id={`${id}-error`} className="field-error" role="alert">
            {error}
          </p>
        )}
        <SubmitOrCancel label="Apply link" onCancel={onClose}>
          {current && (
            <button type="button" className="danger" onClick={onRemove}>
              Remove link
            </button>
          )}
        </SubmitOrCancel>
      </form>
    </ModalDialog>
  );
}
