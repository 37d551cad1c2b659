"use client";

import {
  storeSettingsFormSchema,
  storeSettingsFormValues,
  type StoreConfig,
  type StoreSettingsFormValues,
} from "@hearth/domain";
import { useMemo, useState, type FormEvent } from "react";
import { LiveMessage } from "@/components/account/live-message";
import { fieldErrors, FormField } from "@/components/admin/form-field";
import styles from "@/components/admin/products/product-form.module.css";

type Field = keyof StoreSettingsFormValues;
const FIELDS: readonly Field[] = [
  "storeName",
  "currency",
  "flatShipping",
  "freeShippingOver",
  "lowStockThreshold",
  "maxOpenOrdersPerAccount",
  "maxUnitsPerProduct",
  "timeZone",
];

const DEFAULTS: StoreConfig = {
  storeName: "",
  currency: "USD",
  shipping: { flatCents: 0, freeOverCents: null },
  lowStockThreshold: 3,
  maxOpenOrdersPerAccount: 3,
  maxUnitsPerProduct: 10,
  timeZone: "UTC",
};

/** config/store: the whole document is written at once, as the rules check it (validStoreConfig). */
export function StoreSettingsForm({ config }: { config: StoreConfig | null }) {
  const [values, setValues] = useState(() => storeSettingsFormValues(config ?? DEFAULTS));
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState({ kind: "status" as "status" | "alert", text: "" });
  const zones = useMemo(() => Intl.supportedValuesOf("timeZone"), []);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMessage({ kind: "status", text: "" });
    const parsed = storeSettingsFormSchema(values.currency).safeParse(values);
    if (!parsed.success) {
      const found = fieldErrors(parsed.error.issues, FIELDS);
      setErrors(found);
      const first = FIELDS.find((field) => found[field]);
      if (first) document.getElementById(`settings-${first}`)?.focus();
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const [{ saveStoreConfig }, { getClientFirestore }] = await Promise.all([
        import("@/lib/admin/store-settings"),
        import("@/lib/firebase/client-firestore"),
      ]);
      await saveStoreConfig(getClientFirestore(), parsed.data);
      setMessage({ kind: "status", text: "Settings saved." });
    } catch (error) {
      console.error("Could not save the store settings", error);
      setMessage({
        kind: "alert",
        text: "The settings could not be saved. Check your connection and try again.",
      });
    } finally {
      setBusy(false);
    }
  }

  const input = (field: Field, extra: { inputMode?: "decimal" | "numeric" } = {}) =>
    function Control(control: Parameters<Parameters<typeof FormField>[0]["children"]>[0]) {
      return (
        <input
          {...control}
          {...extra}
          className="input"
          name={field}
          value={values[field]}
          autoComplete="off"
          onChange={(event) => setValues({ ...values, [field]: event.target.value })}
        />
      );
    };
  const field = (name: Field, label: string, hint?: string, mode?: "decimal" | "numeric") => (
    <FormField id={`settings-${name}`} label={label} hint={hint} error={errors[name]}>
      {input(name, mode ? { inputMode: mode } : {})}
    </FormField>
  );

  return (
    <form
      className={styles.form}
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-label="Store settings"
    >
      <FormField id="settings-storeName" label="Store name" error={errors.storeName} className={styles.wide}>
        {input("storeName")}
      </FormField>
      {field("currency", "Currency", "Products take this currency when they are saved.")}
      <FormField
        id="settings-timeZone"
        label="Time zone"
        hint="The store's day: daily reports cover midnight to midnight here."
        error={errors.timeZone}
      >
        {(control) => (
          <select
            {...control}
            className="input"
            name="timeZone"
            value={values.timeZone}
            onChange={(event) => setValues({ ...values, timeZone: event.target.value })}
          >
            {(zones.includes(values.timeZone) ? zones : [values.timeZone, ...zones]).map((zone) => (
              <option key={zone} value={zone}>
                {zone}
              </option>
            ))}
          </select>
        )}
      </FormField>
      {field("flatShipping", `Flat shipping (${values.currency || "…"})`, undefined, "decimal")}
      {field(
        "freeShippingOver",
        `Free shipping over (${values.currency || "…"})`,
        "Leave empty: never free.",
        "decimal",
      )}
      {field(
        "lowStockThreshold",
        "Low-stock threshold",
        "Products with this many or fewer left are flagged.",
        "numeric",
      )}
      {field("maxUnitsPerProduct", "Units per product per order", "1 to 99.", "numeric")}
      {field(
        "maxOpenOrdersPerAccount",
        "Unpaid orders per account",
        "Orders holding stock at once, 1 to 100.",
        "numeric",
      )}
      <div className={`${styles.wide} ${styles.submit}`}>
        <button type="submit" className="button" disabled={busy}>
          {busy ? "Saving…" : "Save settings"}
        </button>
        <LiveMessage kind="status" message={message.kind === "status" ? message.text : ""} />
        <LiveMessage kind="alert" message={message.kind === "alert" ? message.text : ""} />
      </div>
    </form>
  );
}
