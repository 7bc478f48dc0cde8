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
  message: { field: "message", text: `must not be empty, nor longer than ${MAX_READER_MESSAGE_LENGTH.toLocaleString("en")} characters: write it again.` },
  email: { field: "email", text: "is not an email address: correct it, or leave it empty, and send your message again." },
  about: { field: "about", text: "is a claim no longer on this page: choose another, or the whole fact-check, and send your message again." },
  link: { field: "link", text: "is not a web address (http:// or https://): correct it, or leave it empty, and send your message again." },
  "too-many": { field: null, text: "You have sent several messages in the last hour: please send this one later." },
};

/** The form's two uses: an error in a published fact-check (`message`), and a claim to check (`tip`). */
const WORDING = {
  message: {
    labels: { about: "About", message: "Your message", email: "Your email", link: "" },
    hint: "What do you think is wrong, and how do you know? A link to a source helps us most.",
    thanks: "Thank you: your message reached the editors. They read every one; if you gave your email, they may write to you.",
  },
  tip: {
    labels: { about: "", message: "The claim", email: "Your email", link: "Where you saw it" },
    hint: "Quote it as you saw it, and tell us who said it, if you know.",
    thanks: "Thank you: your suggestion reached the editors. They read every one; if you gave your email, they may write to you.",
  },
} as const;

type Props = {
  /** Where it posts: a fact-check's `/p/<slug>/messages`, or `/api/tips`. */
  action: string;
  /** The section it sits in, for the link back to it. */
  anchor: string;
  kind: keyof typeof WORDING;
  /** A fact-check's claims the reader may choose among (`about` preselected); none for a tip. */
  claims?: { id: string; number: number; quote: string }[];
  about?: string | null;
  sent: boolean;
  errorAfterReload: string | null;
  /** How many days readers' emails are kept once their message is handled. */
  emailKeepDays: number;
};

/**
 * A reader's form to the desk: an error in a fact-check, about a claim (`claims`) or the whole of it, or a
 * claim they would like checked. It works without JavaScript (a plain form, answered by a redirect back
 * with `sent` or `errorAfterReload`); with it, the message is sent in place and stays in its field until
 * it is received.
 */
export function ReaderMessageForm(props: Props) {
  const wording = WORDING[props.kind];
  const labels = wording.labels;
  const known = props.errorAfterReload ? ERRORS_AFTER_RELOAD[props.errorAfterReload] : undefined;
  const [outcome, setOutcome] = useState<Outcome>(
    props.sent
      ? { state: "sent" }
      : { state: "writing", errors: known?.field ? { [known.field]: known.text } : {}, problem: known && !known.field ? known.text : null },
  );
  const form = useRef<HTMLFormElement>(null);
  const errors = outcome.state === "writing" ? outcome.errors : {};
  const id = (field: string) => `${props.anchor}-${field}`;

  async function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const fields = Object.fromEntries(new FormData(event.currentTarget)) as Record<string, string>;
    setOutcome({ state: "sending" });
    try {
      const response = await fetch(props.action, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(fields) });
      if (response.ok) {
        form.current?.reset();
        setOutcome({ state: "sent" });
        return;
      }
      const answer = (await response.json().catch(() => ({}))) as { error?: string; fields?: FieldErrors };
      const fieldErrors = answer.fields ?? {};
      const shown = Object.keys(fieldErrors).some((field) => field in labels);
      setOutcome({ state: "writing", errors: fieldErrors, problem: shown ? null : (answer.error ?? "Your message was not sent. Please try again in a moment.") });
    } catch {
      setOutcome({ state: "writing", errors: {}, problem: "Your message was not sent: check your connection, then send it again. It is still here." });
    }
  }

  if (outcome.state === "sent") {
    return (
      <div className="reader-message__sent" role="status">
        <p>{wording.thanks}</p>
        <p>
          <a
            href={`#${props.anchor}`}
            onClick={(event) => {
              event.preventDefault();
              setOutcome({ state: "writing", errors: {}, problem: null });
            }}
          >
            Write another message
          </a>
        </p>
      </div>
    );
  }
  const described = (field: keyof typeof labels, hint?: string) => [errors[field] ? id(`${field}-error`) : null, hint].filter(Boolean).join(" ") || undefined;
  return (
    <form ref={form} className="reader-message" method="post" action={props.action} onSubmit={send} noValidate>
      {outcome.state === "writing" && outcome.problem && (
        <p className="form-message" role="alert">
          {outcome.problem}
        </p>
      )}
      {props.claims && (
        <>
          <label htmlFor={id("about")}>{labels.about}</label>
          <select id={id("about")} name="about" defaultValue={props.about ?? ""} aria-invalid={!!errors.about} aria-describedby={described("about")}>
            <option value="">The whole fact-check</option>
            {props.claims.map((claim) => (
              <option key={claim.id} value={claim.id}>
                Claim {claim.number}: “{shortened(claim.quote, 70)}”
              </option>
            ))}
          </select>
          <FieldError errors={errors} field="about" id={id("about-error")} label={labels.about} />
        </>
      )}
      <label htmlFor={id("message")}>{labels.message}</label>
      <textarea
        id={id("message")}
        name="message"
        rows={5}
        required
        maxLength={MAX_READER_MESSAGE_LENGTH}
        aria-invalid={!!errors.message}
        aria-describedby={described("message", id("message-hint"))}
      />
      <p className="muted reader-message__hint" id={id("message-hint")}>
        {wording.hint}
      </p>
      <FieldError errors={errors} field="message" id={id("message-error")} label={labels.message} />
      {props.kind === "tip" && (
        <>
          <label htmlFor={id("link")}>
            {labels.link} <span className="muted">(optional)</span>
          </label>
          <input id={id("link")} name="link" type="url" inputMode="url" maxLength={2000} aria-invalid={!!errors.link} aria-describedby={described("link", id("link-hint"))} />
          <p className="muted reader-message__hint" id={id("link-hint")}>
            The address of the post, the video or the article.
          </p>
          <FieldError errors={errors} field="link" id={id("link-error")} label={labels.link} />
        </>
      )}
      <label htmlFor={id("email")}>
        {labels.email} <span className="muted">(optional)</span>
      </label>
      <input id={id("email")} name="email" type="email" autoComplete="email" maxLength={254} aria-invalid={!!errors.email} aria-describedby={described("email", id("email-hint"))} />
      <p className="muted reader-message__hint" id={id("email-hint")}>
        Only if you would like an answer. We use it for nothing else, and erase it{" "}
        {props.emailKeepDays === 0 ? "once your message is handled" : `${props.emailKeepDays} ${props.emailKeepDays === 1 ? "day" : "days"} after your message is handled`}.
      </p>
      <FieldError errors={errors} field="email" id={id("email-error")} label={labels.email} />
      {/* People never see this field; robots that fill in every field do, and their message is dropped. */}
      <div className="reader-message__trap" aria-hidden="true">
        <label htmlFor={id("website")}>Leave this empty</label>
        <input id={id("website")} name="website" tabIndex={-1} autoComplete="off" />
      </div>
      <button type="submit" disabled={outcome.state === "sending"}>
        {outcome.state === "sending" ? "Sending…" : "Send to the editors"}
      </button>
    </form>
  );
}
