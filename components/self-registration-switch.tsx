"use client";

import { callApi } from "./api-client";
import { SettingSwitch } from "./setting-switch";

type Props = { providerName: string; initialEnabled: boolean };

/** The admin's switch that lets a first sign-in through single sign-on create a reviewer account, or not. */
export function SelfRegistrationSwitch({ providerName, initialEnabled }: Props) {
  return (
    <SettingSwitch
      initialEnabled={initialEnabled}
      label={<>Let people create their own reviewer account when they first sign in through {providerName}</>}
      hint={
        <>
          When this is off, only people who already have an account here can sign in through {providerName}: add the others yourself. Either way, an
          existing account is linked on its first sign-in when {providerName} has verified its email.
        </>
      }
      save={async (enabled) =>
        (await callApi<{ selfRegistration: { enabled: boolean } }>("PUT", "/api/settings/self-registration", { enabled })).selfRegistration.enabled
      }
      describe={(enabled) =>
        enabled
          ? `Self-registration is on: anyone who signs in through ${providerName} gets a reviewer account.`
          : `Self-registration is off: people without an account here are refused when they sign in through ${providerName}.`
      }
    />
  );
}
