"use client";

import { callApi } from "./api-client";
import { SettingSwitch } from "./setting-switch";

/** The admin's switch that requires two-step sign-in of editors and admins. */
export function TwoStepRequirementSwitch({ initialRequired }: { initialRequired: boolean }) {
  return (
    <SettingSwitch
      initialEnabled={initialRequired}
      label="Require two-step sign-in of editors and admins"
      hint={
        <>
          Editors and admins who sign in with a password must then turn on two-step sign-in under Your account before anything else: every other page
          leads them there. Reviewers choose for themselves; people who sign in through single sign-on get their second step from their provider. Turn
          yours on first.
        </>
      }
      save={async (required) => (await callApi<{ twoStep: { required: boolean } }>("PUT", "/api/settings/two-step", { required })).twoStep.required}
      describe={(required) =>
        required
          ? "Two-step sign-in is required of editors and admins: those without it are asked to turn it on at their next page."
          : "Two-step sign-in is no longer required: each person chooses."
      }
    />
  );
}
