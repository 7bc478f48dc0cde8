"use client";

import { useState } from "react";
import { ApiError, callApi } from "./api-client";
import { Message } from "./message";

type Props = { providerName: string; initialEnabled: boolean };

/** The admin's switch that lets a first sign-in through single sign-on create a reviewer account, or not. */
export function SelfRegistrationSwitch({ providerName, initialEnabled }: Props) {
  const [enabled, setEnabled] = useState(initialEnabled);
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  async function save(wanted: boolean) {
    // Shown at once, so the box follows the click; put back if the server refuses.
    setEnabled(wanted);
    setSaving(true);
    setMessage(null);
    try {
      const { selfRegistration } = await callApi<{ selfRegistration: { enabled: boolean } }>("PUT", "/api/settings/self-registration", {
        enabled: wanted,
      });
      setEnabled(selfRegistration.enabled);
      setMessage({
        text: selfRegistration.enabled
          ? `Self-registration is on: anyone who signs in through ${providerName} gets a reviewer account.`
          : `Self-registration is off: people without an account here are refused when they sign in through ${providerName}.`,
        error: false,
      });
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
        <input
          type="checkbox"
          checked={enabled}
          disabled={saving}
          aria-describedby="self-registration-hint"
          onChange={(event) => void save(event.target.checked)}
        />
        Let people create their own reviewer account when they first sign in through {providerName}
      </label>
      <p className="muted setting__hint" id="self-registration-hint">
        When this is off, only people who already have an account here can sign in through {providerName}: add the others
        yourself. Either way, an existing account is linked on its first sign-in when {providerName} has verified its email.
      </p>
      <Message text={message?.text} error={message?.error} />
    </div>
  );
}
