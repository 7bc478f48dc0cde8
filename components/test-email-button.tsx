"use client";

import { useState } from "react";
import { ApiError, callApi } from "./api-client";
import { Message } from "./message";
import type { TestEmailResult } from "@/lib/notifications/test-email";

/** The admin's check of the desk's email: sends them a test email and says what the mail server answered. */
export function TestEmailButton() {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<TestEmailResult | null>(null);

  async function send() {
    setBusy(true);
    setResult(null);
    try {
      setResult((await callApi<{ result: TestEmailResult }>("POST", "/api/admin/test-email")).result);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setResult({ sent: false, message: error.message });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="stack-form">
      <button type="button" className="secondary" disabled={busy} onClick={() => void send()}>
        {busy ? "Sending…" : "Send me a test email"}
      </button>
      {result && <Message text={result.message} error={!result.sent} />}
    </div>
  );
}
