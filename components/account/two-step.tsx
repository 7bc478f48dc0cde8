"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { formatDayIn } from "@/lib/time-zone";
import type { TwoStepSetup, TwoStepStatus } from "@/lib/users/two-step";
import { callApi } from "../api-client";
import { LabelledField } from "../labelled-field";
import { Message } from "../message";
import { SubmitOrCancel } from "../submit-or-cancel";
import { useTimeZone } from "../time-zone";
import { useDialogSubmit } from "../use-dialog-submit";
import "./two-step.css";

type Step = { kind: "idle" } | { kind: "setup"; setup: TwoStepSetup } | { kind: "codes"; codes: string[] } | { kind: "confirm"; action: "off" | "codes" };

type Answer = { status: TwoStepStatus; recoveryCodes?: string[] };


/**
 * Two-step sign-in on "Your account": turned on by adding the key to an authenticator app (a QR code, or
 * the key typed) and typing a code it makes; recovery codes shown once, to keep; new codes or off, each
 * confirmed by the current password.
 */
export function TwoStep({ initial, email }: { initial: TwoStepStatus; email: string }) {
  const id = useId();
  const router = useRouter();
  const [status, setStatus] = useState(initial);
  const timeZone = useTimeZone();
  const [step, setStep] = useState<Step>({ kind: "idle" });
  const [notice, setNotice] = useState<string | null>(null);
  const { errors, setErrors, message, busy, submit } = useDialogSubmit({ closes: false });

  const idle = () => setStep({ kind: "idle" });

  async function start() {
    setNotice(null);
    await submit(async () => setStep({ kind: "setup", setup: (await callApi<{ setup: TwoStepSetup }>("POST", "/api/account/two-step/setup")).setup }));
  }

  async function send(path: string, body: object, after: (answer: Answer) => void) {
    await submit(async () => {
      const answer = await callApi<Answer>("POST", path, body);
      setStatus(answer.status);
      after(answer);
    });
  }

  function fields(form: HTMLFormElement) {
    return Object.fromEntries(new FormData(form)) as Record<string, string>;
  }

  const password = (autoFocus: boolean) => (
    <LabelledField
      id={`${id}-password`}
      name="currentPassword"
      label="Your current password"
      errorLabel="Your current password"
      errors={errors}
      type="password"
      autoComplete="current-password"
      required
      autoFocus={autoFocus}
    />
  );

  if (step.kind === "setup") {
    const { setup } = step;
    return (
      <form
        className="stack-form two-step"
        aria-label="Turn on two-step sign-in"
        noValidate
        onInput={() => setErrors({})}
        onSubmit={(event) => {
          event.preventDefault();
          const { code, currentPassword } = fields(event.currentTarget);
          void send("/api/account/two-step", { secret: setup.secret, code, currentPassword }, (answer) => {
            setStep({ kind: "codes", codes: answer.recoveryCodes ?? [] });
            // Where the desk required it, the rest of the desk opens now: the page drops its notice.
            router.refresh();
          });
        }}
      >
        <ol className="steps">
          <li>
            Open your authenticator app (Google Authenticator, Microsoft Authenticator, 1Password, Authy…) and add an account by scanning this code:
            {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL made on the server, not an image to optimise */}
            <img className="two-step__qr" src={setup.qrCode} width={180} height={180} alt="QR code that adds this account to an authenticator app" />
            Cannot scan it? Choose to type a key, and type <code className="two-step__key">{setup.secret.replace(/(.{4})/g, "$1 ").trim()}</code> for {email}.
          </li>
          <li>Type the 6-digit code the app shows for it, and your password to confirm.</li>
        </ol>
        <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
        <LabelledField
          id={`${id}-code`}
          name="code"
          label="Code from the app"
          errorLabel="The code"
          errors={errors}
          inputMode="numeric"
          autoComplete="one-time-code"
          spellCheck={false}
          required
          autoFocus
        />
        {password(false)}
        <Message text={message} />
        <SubmitOrCancel label={busy ? "Turning on…" : "Turn on"} disabled={busy} onCancel={idle} />
      </form>
    );
  }

  if (step.kind === "codes") {
    return <RecoveryCodes codes={step.codes} email={email} onDone={idle} />;
  }

  if (step.kind === "confirm") {
    const off = step.action === "off";
    return (
      <form
        className="stack-form two-step"
        aria-label={off ? "Turn off two-step sign-in" : "New recovery codes"}
        noValidate
        onInput={() => setErrors({})}
        onSubmit={(event) => {
          event.preventDefault();
          const { currentPassword } = fields(event.currentTarget);
          if (off) {
            void send("/api/account/two-step/off", { currentPassword }, () => {
              idle();
              setNotice("Two-step sign-in is off: your password alone signs you in.");
            });
          } else {
            void send("/api/account/two-step/recovery-codes", { currentPassword }, (answer) => setStep({ kind: "codes", codes: answer.recoveryCodes ?? [] }));
          }
        }}
      >
        <p>{off ? "Your password alone will sign you in, and your recovery codes stop working." : "Your present recovery codes stop working, used or not."}</p>
        <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
        {password(true)}
        <Message text={message} />
        <SubmitOrCancel label={busy ? "Confirming…" : off ? "Turn off" : "Make new codes"} disabled={busy} onCancel={idle} />
      </form>
    );
  }

  return (
    <div className="two-step">
      <Message text={notice} error={false} />
      {status.enabled ? (
        <>
          <p>
            <strong>On</strong>
            {status.enabledAt && ` since ${formatDayIn(status.enabledAt, timeZone, "long")}`}: signing in with your password asks for a code from your
            authenticator app. {status.recoveryCodesLeft} of 10 recovery codes left.
          </p>
          {status.recoveryCodesLeft <= 3 && (
            <p className="notice" role="status">
              {status.recoveryCodesLeft === 0 ? "You have no recovery codes left" : "You are running out of recovery codes"}: make new ones, so that a lost phone
              does not lock you out.
            </p>
          )}
          <div className="user-actions">
            <button type="button" className="secondary" onClick={() => setStep({ kind: "confirm", action: "codes" })}>
              New recovery codes
            </button>
            <button type="button" className="secondary" onClick={() => setStep({ kind: "confirm", action: "off" })}>
              Turn off
            </button>
          </div>
        </>
      ) : (
        <>
          <p>
            After your password, ask for a code from an app on your phone: a stolen or guessed password alone then does not open your account. Other
            sessions stay signed in; <strong>Sign out everywhere</strong> below ends them.
          </p>
          <Message text={message} />
          <button type="button" className="primary" disabled={busy} onClick={() => void start()}>
            {busy ? "Preparing…" : "Turn on two-step sign-in"}
          </button>
        </>
      )}
    </div>
  );
}

/** The recovery codes, shown once, to download, copy or write down. */
function RecoveryCodes({ codes, email, onDone }: { codes: string[]; email: string; onDone(): void }) {
  const text = `Recovery codes for ${email}: each signs in once, in place of a code from your app.\n\n${codes.join("\n")}\n`;
  const download = `data:text/plain;charset=utf-8,${encodeURIComponent(text)}`;
  return (
    <section className="two-step" aria-label="Your recovery codes">
      <p className="notice" role="status">
        Two-step sign-in is on. Keep these recovery codes somewhere safe, apart from your phone: each signs you in once if you lose it. They are
        shown this once.
      </p>
      <ol className="two-step__codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div className="user-actions two-step__kept">
        <a href={download} download="recovery-codes.txt">
          Download them as a text file
        </a>
        <button type="button" className="primary" onClick={onDone}>
          I have kept them
        </button>
      </div>
    </section>
  );
}
