"use client";

import { shipmentSchema } from "@hearth/domain";
import { useState, type FormEvent } from "react";
import { fieldErrors, FormField } from "@/components/admin/form-field";
import styles from "@/components/admin/categories/categories.module.css";

const FIELDS = ["carrier", "trackingNumber"] as const;
const MESSAGES = { carrier: "Enter the carrier, e.g. DHL.", trackingNumber: "Enter the tracking number." };

/** Carrier and tracking number, which the shopper sees on the order page and in the mail. */
export function ShipOrderForm({
  busy,
  onShip,
}: {
  busy: boolean;
  onShip: (shipment: { carrier: string; trackingNumber: string }) => Promise<boolean>;
}) {
  const [values, setValues] = useState({ carrier: "", trackingNumber: "" });
  const [errors, setErrors] = useState<Partial<Record<(typeof FIELDS)[number], string>>>({});

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = shipmentSchema.safeParse(values);
    if (!parsed.success) {
      const found = fieldErrors(parsed.error.issues, FIELDS);
      setErrors(
        Object.fromEntries(
          Object.entries(found).map(([field, message]) => [
            field,
            values[field as keyof typeof values].trim() ? message : MESSAGES[field as keyof typeof MESSAGES],
          ]),
        ),
      );
      return;
    }
    setErrors({});
    if (await onShip(parsed.data)) setValues({ carrier: "", trackingNumber: "" });
  }

  return (
    <form
      className={styles.form}
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-label="Mark shipped"
    >
      <FormField id="ship-carrier" label="Carrier" error={errors.carrier}>
        {(control) => (
          <input
            {...control}
            className="input"
            value={values.carrier}
            autoComplete="off"
            onChange={(event) => setValues({ ...values, carrier: event.target.value })}
          />
        )}
      </FormField>
      <FormField id="ship-tracking" label="Tracking number" error={errors.trackingNumber}>
        {(control) => (
          <input
            {...control}
            className="input"
            value={values.trackingNumber}
            autoComplete="off"
            onChange={(event) => setValues({ ...values, trackingNumber: event.target.value })}
          />
        )}
      </FormField>
      <div className={styles.formActions}>
        <button type="submit" className="button" disabled={busy}>
          {busy ? "Marking shipped…" : "Mark shipped"}
        </button>
      </div>
    </form>
  );
}
