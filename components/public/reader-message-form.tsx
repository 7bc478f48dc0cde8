"use client";

import { useRef, useState, type FormEvent } from "react";
import { FieldError } from "@/components/field-error";
import type { FieldErrors } from "@/lib/errors";
import { MAX_READER_MESSAGE_LENGTH } from "@/lib/reader-messages/input";
import { shortened } from "@/lib/shortened";

/** Where a message stands: being written (with what is wrong with it), on its way, or received. */
type Outcome = { state: "writing"; errors: FieldErrors; problem: string | null } | { state: "sending" } | { state: "sent" };

/**
 * What the page says after a form sent without JavaScript came back (`?message-error=`), by field; the
 * typed message is lost on that path only, so each says what to write again.
 */
const ERRORS_AFTER_RELOAD: Record<string, { field: string | null; text: string }> = {
  message: { field: "message", text: `must hold what you think is wrong, in at most ${MAX_READER_MESSAGE_LENGTH.toLocaleString("en")} characters: write it again.` },
  email: { field: "email", text: "is not an email address: correct it, or leave it empty, and send your message again." },
  about: { field: "about", text: "is a claim no longer on this page: choose another, or the whole fact-check, and send your message again." },
  "too-many": { field: null, text: "You have sent several messages in the last hour: please send this one later." },
};

const LABELS = { about: "About", message: "Your message", email: "Your email" } as const;

/**
 * The public page's form for a reader to tell the desk of an error, about a claim (`claims`, preselected
 * `about`) or the whole fact-check. It works without JavaScript (a plain form, answered by a redirect
 * back with `sent` or `errorAfterReload`); with it, the message is sent in place and stays in its field
 * until it is received.
 */
export function ReaderMessageForm(props: {
  slug: string;
  claims: { id: string; number: number; quote: string }[];
  about: string | null;
  sent: boolean;
  errorAfterReload: string | null;
  /** How many days readers' emails are kept once their message is handled. */
  emailKeepDays: number;
}) {
  const known = props.errorAfterReload ? ERRORS_AFTER_RELOAD[props.errorAfterReload] : undefined;
  const [outcome, setOutcome] = useState<Outcome>(
    props.sent
      ? { state: "sent" }
      : { state: "writing", errors: known?.field ? { [known.field]: known.text } : {}, problem: known && !known.field ? known.text : null },
  );
  const form = useRef<HTMLFormElement>(null);
  const errors = outcome.state === "writing" ? outcome.errors : {};

  async function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const fields = Object.fromEntries(new FormData(event.currentTarget)) as Record<string, string>;
    setOutcome({ state: "sending" });
    try {
      const response = await fetch(`/p/${encodeURIComponent(props.slug)}/messages`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(fields),
      });
      if (response.ok) {
        form.current?.reset();
        setOutcome({ state: "sent" });
        return;
      }
      const answer = (await response.json().catch(() => ({}))) as { error?: string; fields?: FieldErrors };
      const fieldErrors = answer.fields ?? {};
      const shown = Object.keys(fieldErrors).some((field) => field in LABELS);
      setOutcome({ state: "writing", errors: fieldErrors, problem: shown ? null : (answer.error ?? "Your message was not sent. Please try again in a moment.") });
    } catch {
      setOutcome({ state: "writing", errors: {}, problem: "Your message was not sent: check your connection, then send it again. It is still here." });
    }
  }

  if (outcome.state === "sent") {
    return (
      <div className="reader-message__sent" role="status">
        <p>Thank you: your message reached the editors. They read every one; if you gave your email, they may write to you.</p>
        <p>
          <a href={`/p/${encodeURIComponent(props.slug)}#tell-us`} onClick={(event) => {
              event.preventDefault();
              setOutcome({ state: "writing", errors: {}, problem: null });
            }}>
            Write another message
          </a>
        </p>
      </div>
    );
  }
  const described = (field: keyof typeof LABELS, hint?: string) => [errors[field] ? `reader-message-${field}-error` : null, hint].filter(Boolean).join(" ") || undefined;
  return (
    <form ref={form} className="reader-message" method="post" action={`/p/${encodeURIComponent(props.slug)}/messages`} onSubmit={send} noValidate>
      {outcome.state === "writing" && outcome.problem && (
        <p className="form-message" role="alert">
          {outcome.problem}
        </p>
      )}
      <label htmlFor="reader-message-about">{LABELS.about}</label>
      <select id="reader-message-about" name="about" defaultValue={props.about ?? ""} aria-invalid={!!errors.about} aria-describedby={described("about")}>
        <option value="">The whole fact-check</option>
        {props.claims.map((claim) => (
          <option key={claim.id} value={claim.id}>
            Claim {claim.number}: “{shortened(claim.quote, 70)}”
          </option>
        ))}
      </select>
      <FieldError errors={errors} field="about" id="reader-message-about-error" label={LABELS.about} />
      <label htmlFor="reader-message-message">{LABELS.message}</label>
      <textarea
        id="reader-message-message"
        name="message"
        rows={5}
        required
        maxLength={MAX_READER_MESSAGE_LENGTH}
        aria-invalid={!!errors.message}
        aria-describedby={described("message", "reader-message-message-hint")}
      />
      <p className="muted reader-message__hint" id="reader-message-message-hint">
        What do you think is wrong, and how do you know? A link to a source helps us most.
      </p>
      <FieldError errors={errors} field="message" id="reader-message-message-error" label={LABELS.message} />
      <label htmlFor="reader-message-email">
        {LABELS.email} <span className="muted">(optional)</span>
      </label>
      <input id="reader-message-email" name="email" type="email" autoComplete="email" maxLength={254} aria-invalid={!!errors.email} aria-describedby={described("email", "reader-message-email-hint")} />
      <p className="muted reader-message__hint" id="reader-message-email-hint">
        Only if you would like an answer. We use it for nothing else, and erase it{" "}
        {props.emailKeepDays === 0 ? "once your message is handled" : `${props.emailKeepDays} ${props.emailKeepDays === 1 ? "day" : "days"} after your message is handled`}.
      </p>
      <FieldError errors={errors} field="email" id="reader-message-email-error" label={LABELS.email} />
      {/* People never see this field; robots that fill in every field do, and their message is dropped. */}
      <div className="reader-message__trap" aria-hidden="true">
        <label htmlFor="reader-message-website">Leave this empty</label>
        <input id="reader-message-website" name="website" tabIndex={-1} autoComplete="off" />
      </div>
      <button type="submit" disabled={outcome.state === "sending"}>
        {outcome.state === "sending" ? "Sending…" : "Send to the editors"}
      </button>
    </form>
  );
}
