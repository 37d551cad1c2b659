import {
  ADDRESS_FIELDS,
  ADDRESS_LABELS,
  type AddressErrors,
  type AddressField,
  type AddressInput,
} from "@/lib/address/address-form";
import styles from "./account.module.css";

const AUTOCOMPLETE: Record<AddressField, string> = {
  name: "shipping name",
  line1: "shipping address-line1",
  line2: "shipping address-line2",
  city: "shipping address-level2",
  postalCode: "shipping postal-code",
  country: "shipping country",
};

const HINTS: Partial<Record<AddressField, string>> = {
  country: "Two letters, for example US, GB or DE.",
};

/** The fields of a shipping address, each with its label, hint and error. */
export function AddressFields({
  idPrefix,
  values,
  errors,
  onChange,
}: {
  idPrefix: string;
  values: AddressInput;
  errors: AddressErrors;
  onChange: (field: AddressField, value: string) => void;
}) {
  return (
    <div className={styles.addressGrid}>
      {ADDRESS_FIELDS.map((field) => {
        const id = `${idPrefix}-${field}`;
        const hint = HINTS[field];
        const error = errors[field];
        const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null]
          .filter(Boolean)
          .join(" ");
        return (
          <div
            key={field}
            className={`field ${field === "name" || field.startsWith("line") ? styles.full : ""}`}
          >
            <label className="field-label" htmlFor={id}>
              {ADDRESS_LABELS[field]}
            </label>
            <input
              id={id}
              name={field}
              className="input"
              type="text"
              autoComplete={AUTOCOMPLETE[field]}
              value={values[field]}
              onChange={(event) => onChange(field, event.target.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={describedBy || undefined}
            />
            {hint ? (
              <p id={`${id}-hint`} className="field-hint">
                {hint}
              </p>
            ) : null}
            {error ? (
              <p id={`${id}-error`} className="field-error" data-testid={`error-${field}`}>
                {error}
              </p>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}
