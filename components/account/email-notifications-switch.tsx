"use client";

import { callApi } from "@/components/api-client";
import { SettingSwitch } from "@/components/setting-switch";
import type { Account } from "@/lib/users/account";

/** `delay`: how long an item waits unseen before it is emailed, in words ("2 minutes"). */
type Props = { email: string; initialEnabled: boolean; delay: string };

/** The signed-in person's switch of the emails telling them what lands in their inbox. */
export function EmailNotificationsSwitch({ email, initialEnabled, delay }: Props) {
  return (
    <SettingSwitch
      initialEnabled={initialEnabled}
      label={<>Email me what lands in my inbox</>}
      hint={
        <>
          Mentions, replies in threads you are in, and what others decide on your claims, sent to {email} when you have not seen them here within{" "}
          {delay}: one email for what came together, with a link to each claim.
        </>
      }
      save={async (enabled) => (await callApi<{ account: Account }>("PUT", "/api/account/notifications", { email: enabled })).account.emailNotifications}
      describe={(enabled) => (enabled ? `Emails are on: what you have not seen here is sent to ${email}.` : "Emails are off: your inbox is in the header of every page.")}
    />
  );
}
