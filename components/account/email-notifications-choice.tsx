"use client";

import { useId, useState } from "react";
import { ApiError, callApi } from "@/components/api-client";
import { Message } from "@/components/message";
import { useTimeZone } from "@/components/time-zone";
import { timeZoneLabel } from "@/lib/time-zone";
import type { Account } from "@/lib/users/account";

type Frequency = "as_it_comes" | "daily" | "off";

const frequencyOf = (account: Pick<Account, "emailNotifications" | "emailDaily">): Frequency =>
  !account.emailNotifications ? "off" : account.emailDaily ? "daily" : "as_it_comes";

/**
 * `delay`: how long an item waits unseen before it is emailed as it comes, in words ("2 minutes");
 * `dailyAt`: when the daily email goes, HH:MM by the newsroom's clock.
 */
type Props = { email: string; initial: Pick<Account, "emailNotifications" | "emailDaily">; delay: string; dailyAt: string };

/** How often the signed-in person is emailed what lands in their inbox: as it comes, once a day, or never. Saved on choosing. */
export function EmailNotificationsChoice({ email, initial, delay, dailyAt }: Props) {
  const id = useId();
  const daily = `${dailyAt} ${timeZoneLabel(useTimeZone())}`;
  const [chosen, setChosen] = useState(frequencyOf(initial));
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  const options: { value: Frequency; label: string; hint: string }[] = [
    { value: "as_it_comes", label: "As it comes", hint: `what you have not seen here within ${delay}, in one email for what came together` },
    { value: "daily", label: "Once a day", hint: `at ${daily}: what came since the last one and the claims due that day, in one email` },
    { value: "off", label: "Never", hint: "your inbox waits in the header of every page" },
  ];
  const saved: Record<Frequency, string> = {
    as_it_comes: `Emails are on: what you have not seen here is sent to ${email}.`,
    daily: `Emails come once a day, at ${daily}, to ${email}.`,
    off: "Emails are off: your inbox is in the header of every page.",
  };

  async function choose(wanted: Frequency) {
    // Shown at once, so the choice follows the click; put back if the server refuses.
    const before = chosen;
    setChosen(wanted);
    setSaving(true);
    setMessage(null);
    try {
      const body = wanted === "off" ? { email: false } : { email: true, daily: wanted === "daily" };
      const { account } = await callApi<{ account: Account }>("PUT", "/api/account/notifications", body);
      setChosen(frequencyOf(account));
      setMessage({ text: saved[frequencyOf(account)], error: false });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setChosen(before);
      setMessage({ text: error.message, error: true });
    } finally {
      setSaving(false);
    }
  }

  return (
    <fieldset className="setting email-frequency" aria-describedby={`${id}-hint`}>
      <legend className="setting__toggle">Email me what lands in my inbox</legend>
      <p className="muted setting__hint" id={`${id}-hint`}>
        Mentions, replies in threads you are in, and what others decide on your claims, sent to {email} with a link to each claim.
      </p>
      {options.map((option) => (
        <label key={option.value} className="email-frequency__option">
          <input type="radio" name={`${id}-frequency`} value={option.value} checked={chosen === option.value} disabled={saving} onChange={() => void choose(option.value)} />
          <span>
            <strong>{option.label}</strong>: {option.hint}
          </span>
        </label>
      ))}
      <Message text={message?.text} error={message?.error} />
    </fieldset>
  );
}
