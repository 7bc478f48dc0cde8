"use client";

import Link from "next/link";
import { useState } from "react";
import type { FieldErrors } from "@/lib/errors";
import type { Actor } from "@/lib/users/actor";
import { ROLES, ROLE_LABELS, type Role } from "@/lib/users/roles";
import type { UserRecord } from "@/lib/users/service";
import type { SsoAction } from "@/lib/users/sso-link";
import { ApiError, callApi } from "./api-client";
import { EditUserDialog } from "./edit-user-dialog";
import { Message } from "./message";
import { SetPasswordDialog } from "./set-password-dialog";
import { UserSignIn } from "./user-sign-in";

type UserRow = Omit<UserRecord, "createdAt">;

type Props = { actorId: string; initialUsers: UserRow[]; passwordMinLength: number };

const passwordAction = (user: UserRow) => (user.signInMethods.includes("password") ? "Reset password" : "Give a password");

const SSO_DONE: Record<SsoAction, (name: string) => string> = {
  link_request: (name) => `Linked: ${name} now signs in through that single sign-on.`,
  dismiss_request: (name) => `Dismissed the single sign-on that waited for ${name}.`,
  unlink: (name) => `Unlinked: ${name} signs in with a password, or links single sign-on again with a verified email.`,
};

/** Adds users, changes their roles, disables and enables them (admins only; the server checks again). */
export function UserAdmin({ actorId, initialUsers, passwordMinLength }: Props) {
  const [users, setUsers] = useState(initialUsers);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const [settingPassword, setSettingPassword] = useState<UserRow | null>(null);
  const [editing, setEditing] = useState<UserRow | null>(null);

  // The API answers with the account, not how it signs in, which a change of role or status leaves as it was.
  const replace = (user: Actor) => setUsers((list) => list.map((u) => (u.id === user.id ? { ...u, ...user } : u)));

  async function add(form: HTMLFormElement) {
    const data = new FormData(form);
    setBusy(true);
    setErrors({});
    try {
      const { user } = await callApi<{ user: Actor }>("POST", "/api/users", {
        email: data.get("email"),
        name: data.get("name"),
        role: data.get("role"),
        password: data.get("password"),
      });
      setUsers((list) => [...list, { ...user, signInMethods: ["password" as const], twoStep: false, ssoRequest: null }].sort((a, b) => a.name.localeCompare(b.name)));
      setMessage({ text: `Added ${user.name} as ${ROLE_LABELS[user.role].toLowerCase()}. Give them their password in person or by phone.`, error: false });
      form.reset();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setErrors(error.fields);
      setMessage({ text: error.message, error: true });
    } finally {
      setBusy(false);
    }
  }

  async function change(user: Actor, patch: { role?: Role; disabled?: boolean }) {
    try {
      replace((await callApi<{ user: Actor }>("PATCH", `/api/users/${user.id}`, patch)).user);
      setMessage(null);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setMessage({ text: error.message, error: true });
    }
  }

  async function sso(user: Actor, action: SsoAction) {
    try {
      const updated = (await callApi<{ user: UserRow }>("POST", `/api/users/${user.id}/sso`, { action })).user;
      setUsers((list) => list.map((u) => (u.id === updated.id ? updated : u)));
      setMessage({ text: SSO_DONE[action](user.name), error: false });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setMessage({ text: error.message, error: true });
    }
  }

  async function turnOffTwoStep(user: UserRow) {
    try {
      await callApi("DELETE", `/api/users/${user.id}/two-step`);
      setUsers((list) => list.map((u) => (u.id === user.id ? { ...u, twoStep: false } : u)));
      setMessage({ text: `Two-step sign-in is off for ${user.name}: their password alone signs them in. Ask them to turn it on again from Your account.`, error: false });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setMessage({ text: error.message, error: true });
    }
  }

  const fieldError = (field: string) =>
    errors[field] && (
      <p className="field-error" id={`new-${field}-error`} role="alert">
        {errors[field]}
      </p>
    );

  return (
    <>
      <Message text={message?.text} error={message?.error} />
      <div className="table-scroller">
        <table className="user-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Signs in with</th>
              <th scope="col">Account</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id} className={user.disabled ? "disabled-row" : undefined}>
                <th scope="row">{user.name}</th>
                <td>
                  {user.email}
                  <div>
                    <button
                      type="button"
                      className="link-button"
                      aria-label={`Edit ${user.name}`}
                      onClick={() => {
                        setMessage(null);
                        setEditing(user);
                      }}
                    >
                      Edit
                    </button>
                  </div>
                </td>
                <td>
                  <select
                    aria-label={`Role of ${user.name}`}
                    value={user.role}
                    disabled={user.id === actorId}
                    onChange={(event) => void change(user, { role: event.target.value as Role })}
                  >
                    {ROLES.map((role) => (
                      <option key={role} value={role}>
                        {ROLE_LABELS[role]}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <UserSignIn
                    user={user}
                    onAction={(action) => void sso(user, action)}
                    onTurnOffTwoStep={user.id === actorId ? undefined : () => void turnOffTwoStep(user)}
                  />
                </td>
                <td>
                  {user.id === actorId ? (
                    <span className="muted">
                      You: <Link href="/account">change your password</Link>
                    </span>
                  ) : (
                    <div className="user-actions">
                      <button type="button" className="secondary" onClick={() => void change(user, { disabled: !user.disabled })}>
                        {user.disabled ? `Enable ${user.name}` : `Disable ${user.name}`}
                      </button>
                      <button
                        type="button"
                        className="secondary"
                        aria-label={`${passwordAction(user)} of ${user.name}`}
                        onClick={() => {
                          setMessage(null);
                          setSettingPassword(user);
                        }}
                      >
                        {passwordAction(user)}
                      </button>
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {settingPassword && (
        <SetPasswordDialog
          user={{ id: settingPassword.id, name: settingPassword.name, hasPassword: settingPassword.signInMethods.includes("password") }}
          minLength={passwordMinLength}
          onClose={() => setSettingPassword(null)}
          onDone={() => {
            const user = settingPassword;
            setUsers((list) => list.map((u) => (u.id === user.id && !u.signInMethods.includes("password") ? { ...u, signInMethods: ["password", ...u.signInMethods] } : u)));
            setSettingPassword(null);
            setMessage({ text: `${user.name} has a new password, and every session of their account ended. Give it to them in person or by phone.`, error: false });
          }}
        />
      )}

      {editing && (
        <EditUserDialog
          user={editing}
          onClose={() => setEditing(null)}
          onDone={(user) => {
            replace(user);
            setEditing(null);
            setMessage({ text: user.email === editing.email ? `Saved: ${user.name}.` : `Saved: ${user.name} now signs in as ${user.email}. Tell them.`, error: false });
          }}
        />
      )}

      <h2>Add a user</h2>
      <form
        className="stack-form"
        onSubmit={(event) => {
          event.preventDefault();
          void add(event.currentTarget);
        }}
      >
        <label htmlFor="new-name">Name</label>
        <input id="new-name" name="name" required maxLength={100} aria-describedby={errors.name && "new-name-error"} />
        {fieldError("name")}
        <label htmlFor="new-email">Email</label>
        <input id="new-email" name="email" type="email" required aria-describedby={errors.email && "new-email-error"} />
        {fieldError("email")}
        <label htmlFor="new-role">Role</label>
        <select id="new-role" name="role" defaultValue="reviewer">
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {ROLE_LABELS[role]}
            </option>
          ))}
        </select>
        <label htmlFor="new-password">Initial password (at least {passwordMinLength} characters)</label>
        <input
          id="new-password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={passwordMinLength}
          aria-describedby={errors.password && "new-password-error"}
        />
        {fieldError("password")}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? "Adding…" : "Add user"}
        </button>
      </form>
    </>
  );
}
