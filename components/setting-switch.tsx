"use client";

import { useId, useState, type ReactNode } from "react";
import { ApiError } from "./api-client";
import { Message } from "./message";

type Props = {
  /** The checkbox's label: what the setting does when on. */
  label: ReactNode;
  /** What follows from it, under the checkbox. */
  hint: ReactNode;
  initialEnabled: boolean;
  /** Saves the wanted value; resolves to the value saved. */
  save(wanted: boolean): Promise<boolean>;
  /** What the setting now means, said once saved. */
  describe(enabled: boolean): string;
};

/** An admin's switch of one desk setting: saved on click, put back with the server's reason when refused. */
export function SettingSwitch({ label, hint, initialEnabled, save, describe }: Props) {
  const id = useId();
  const [enabled, setEnabled] = useState(initialEnabled);
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  async function change(wanted: boolean) {
    // Shown at once, so the box follows the click; put back if the server refuses.
    setEnabled(wanted);
    setSaving(true);
    setMessage(null);
    try {
      const saved = await save(wanted);
      setEnabled(saved);
      setMessage({ text: describe(saved), error: false });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setEnabled(!wanted);
      setMessage({ text: error.message, error: true });
    } finally {
      setSaving(false);
    }
  }

  return (
    <div className="setting">
      <label className="setting__toggle">
        <input type="checkbox" checked={enabled} disabled={saving} aria-describedby={`${id}-hint`} onChange={(event) => void change(event.target.checked)} />
        {label}
      </label>
      <p className="muted setting__hint" id={`${id}-hint`}>
        {hint}
      </p>
      <Message text={message?.text} error={message?.error} />
    </div>
  );
}
