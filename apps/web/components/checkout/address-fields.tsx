"use client";

import type { AddressErrors, AddressField, AddressInput } from "@/lib/address/address-form";
import styles from "./checkout.module.css";

const FIELDS: readonly {
  name: AddressField;
  label: string;
  autoComplete: string;
  hint?: string;
  optional?: boolean;
}[] = [
  { name: "name", label: "Full name", autoComplete: "name" },
  { name: "line1", label: "Address line 1", autoComplete: "address-line1" },
  { name: "line2", label: "Address line 2", autoComplete: "address-line2", optional: true },
  { name: "city", label: "City", autoComplete: "address-level2" },
  { name: "postalCode", label: "Postal code", autoComplete: "postal-code" },
  { name: "country", label: "Country code", autoComplete: "country", hint: "Two letters, e.g. US or DE" },
];

export function AddressFields({
  values,
  errors,
  onChange,
}: {
  values: AddressInput;
  errors: AddressErrors;
  onChange: (field: AddressField, value: string) => void;
}) {
  return (
    <fieldset className={styles.fieldset}>
      <legend className={styles.legend}>Shipping address</legend>
      {FIELDS.map((field) => {
        const id = `address-${field.name}`;
        const error = errors[field.name];
        const described = [field.hint ? `${id}-hint` : null, error ? `${id}-error` : null]
          .filter(Boolean)
          .join(" ");
        return (
          <div className={styles.field} key={field.name}>
            <label htmlFor={id}>
              {field.label}
              {field.optional ? " (optional)" : null}
            </label>
            {field.hint ? (
              <p id={`${id}-hint`} className={styles.hint}>
                {field.hint}
              </p>
            ) : null}
            <input
              id={id}
              name={field.name}
              className={styles.input}
              autoComplete={`shipping ${field.autoComplete}`}
              value={values[field.name]}
              required={!field.optional}
              aria-invalid={error ? true : undefined}
              aria-describedby={described || undefined}
              onChange={(event) => onChange(field.name, event.target.value)}
            />
            {error ? (
              <p id={`${id}-error`} className={styles.error}>
                {error}
              </p>
            ) : null}
          </div>
        );
      })}
    </fieldset>
  );
}
