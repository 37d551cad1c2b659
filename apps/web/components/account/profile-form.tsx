"use client";

import { userSchema } from "@hearth/domain";
import { useRef, useState, type FormEvent } from "react";
import {
  ADDRESS_FIELDS,
  addressInput,
  isBlankAddress,
  parseAddress,
  type AddressErrors,
  type AddressField,
  type AddressInput,
} from "@/lib/address/address-form";
import type { Profile } from "@/lib/account/profile";
import { AddressFields } from "./address-fields";
import styles from "./account.module.css";
import { LiveMessage } from "@/components/account/live-message";

type Status = { kind: "idle" } | { kind: "saving" } | { kind: "saved" } | { kind: "error"; message: string };

function nameProblem(displayName: string): string | null {
  if (!displayName.trim()) return "Enter your name.";
  return userSchema.shape.displayName.safeParse(displayName).success
    ? null
    : "Your name must be at most 80 characters.";
}

/** Display name and default shipping address; saved to users/{uid} as the rules allow. */
export function ProfileForm({ uid, profile }: { uid: string; profile: Profile }) {
  const [displayName, setDisplayName] = useState(profile.displayName);
  const [address, setAddress] = useState<AddressInput>(() => addressInput(profile.defaultAddress));
  const [nameError, setNameError] = useState<string | null>(null);
  const [addressErrors, setAddressErrors] = useState<AddressErrors>({});
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const formRef = useRef<HTMLFormElement>(null);

  function changeAddress(field: AddressField, value: string) {
    setAddress((current) => ({ ...current, [field]: value }));
    setStatus({ kind: "idle" });
  }

  function focusFirstInvalid(name: string | null, errors: AddressErrors) {
    const first = name ? "displayName" : ADDRESS_FIELDS.find((field) => errors[field]);
    if (!first) return;
    formRef.current?.querySelector<HTMLInputElement>(`[name="${first}"]`)?.focus();
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = nameProblem(displayName);
    const parsed = isBlankAddress(address) ? ({ ok: true, address: null } as const) : parseAddress(address);
    const errors = parsed.ok ? {} : parsed.errors;
    setNameError(name);
    setAddressErrors(errors);
    if (name || !parsed.ok) {
      setStatus({ kind: "error", message: "Check the highlighted fields." });
      focusFirstInvalid(name, errors);
      return;
    }
    setStatus({ kind: "saving" });
    try {
      const [{ saveProfile }, { updateDisplayName }] = await Promise.all([
        import("@/lib/account/profile"),
        import("@/lib/auth/auth-actions"),
      ]);
      const trimmed = displayName.trim();
      await saveProfile(uid, { displayName: trimmed, defaultAddress: parsed.address });
      await updateDisplayName(trimmed);
      setDisplayName(trimmed);
      setAddress(addressInput(parsed.address));
      setStatus({ kind: "saved" });
    } catch (error) {
      console.error(error);
      setStatus({ kind: "error", message: "We could not save your profile. Please try again." });
    }
  }

  return (
    <form
      ref={formRef}
      className={styles.section}
      onSubmit={(event) => void handleSubmit(event)}
      aria-busy={status.kind === "saving"}
      noValidate
      aria-labelledby="profile-heading"
    >
      <h2 id="profile-heading" className={styles.sectionTitle}>
        Profile
      </h2>
      <div className="field">
        <label className="field-label" htmlFor="profile-name">
          Display name
        </label>
        <input
          id="profile-name"
          name="displayName"
          className="input"
          type="text"
          autoComplete="name"
          value={displayName}
          onChange={(event) => {
            setDisplayName(event.target.value);
            setStatus({ kind: "idle" });
          }}
          aria-invalid={nameError ? true : undefined}
          aria-describedby={nameError ? "profile-name-error" : undefined}
        />
        {nameError ? (
          <p id="profile-name-error" className="field-error">
            {nameError}
          </p>
        ) : null}
      </div>
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>Default shipping address</legend>
        <p className="field-hint">Used to fill in checkout. Leave every field empty to remove it.</p>
        <AddressFields idPrefix="address" values={address} errors={addressErrors} onChange={changeAddress} />
      </fieldset>
      <div className={styles.actions}>
        <button type="submit" className="button" disabled={status.kind === "saving"}>
          {status.kind === "saving" ? "Saving…" : "Save profile"}
        </button>
        <LiveMessage kind="alert" message={status.kind === "error" ? status.message : ""} />
        <LiveMessage kind="status" message={status.kind === "saved" ? "Your profile is saved." : ""} />
      </div>
    </form>
  );
}
