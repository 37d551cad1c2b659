"use client";

import {
  productFormSchema,
  productStatuses,
  slugify,
  stockShardsFieldSchema,
  type ProductFormValues,
  type ProductInput,
} from "@hearth/domain";
import { useRef, useState, type FormEvent } from "react";
import { LiveMessage } from "@/components/account/live-message";
import type { AdminCategory } from "@/lib/admin/products/admin-products";
import styles from "./product-form.module.css";

type FormValues = ProductFormValues & { stockShards: string };
type Field = keyof FormValues;
type Errors = Partial<Record<Field, string>>;

/** What adminSaveProduct takes beside the product: see functions/src/stock. */
export interface StockSharding {
  stockShards: number;
  /** The stock the form started from, for a sharded product's save to apply the change. */
  stockBefore?: number;
}

const LABELS: Record<Field, string> = {
  name: "Name",
  slug: "Slug",
  description: "Description",
  price: "Price",
  categoryId: "Category",
  tags: "Tags",
  status: "Status",
  stock: "Stock",
  // Not "Stock …": the stock field's label must stay the only one that starts so.
  stockShards: "Flash-sale shards",
};

function errorsOf(
  { stockShards, ...values }: FormValues,
  currency: string,
): { input: ProductInput; shards: number } | { errors: Errors } {
  const parsed = productFormSchema(currency).safeParse(values);
  const shards = stockShardsFieldSchema.safeParse(stockShards);
  if (parsed.success && shards.success) return { input: parsed.data, shards: shards.data };
  const errors: Errors = {};
  for (const issue of parsed.error?.issues ?? []) {
    const key = issue.path[0] === "priceCents" ? "price" : issue.path[0];
    if (typeof key === "string" && key in LABELS && !errors[key as Field])
      errors[key as Field] = issue.message;
  }
  if (!shards.success) errors.stockShards = shards.error.issues[0]?.message;
  return { errors };
}

/**
 * Create or edit a product. Checked with the shared productFormSchema here, then again by the
 * adminSaveProduct callable, which also keeps slugs unique and says so.
 */
export function ProductForm({
  initial,
  isNew,
  currency,
  categories,
  onSave,
}: {
  initial: FormValues;
  isNew: boolean;
  currency: string;
  categories: readonly AdminCategory[];
  onSave: (input: ProductInput, sharding: StockSharding) => Promise<string | null>;
}) {
  const [values, setValues] = useState(initial);
  // The stock this form last loaded or saved: what the admin's change to it is measured from.
  const stockBefore = useRef(isNew ? undefined : Number(initial.stock));
  const [slugTouched, setSlugTouched] = useState(!isNew);
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const [serverError, setServerError] = useState("");
  const [saved, setSaved] = useState("");

  const set = (field: Field) => (value: string) => {
    setSaved("");
    setValues((current) => ({
      ...current,
      [field]: value,
      ...(field === "name" && !slugTouched ? { slug: slugify(value) } : {}),
    }));
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setServerError("");
    setSaved("");
    const result = errorsOf(values, currency);
    if ("errors" in result) {
      setErrors(result.errors);
      const first = Object.keys(LABELS).find((field) => field in result.errors);
      if (first) document.getElementById(`product-${first}`)?.focus();
      return;
    }
    setErrors({});
    setBusy(true);
    // The callable protocol sends an undefined field as null: a new product leaves it out.
    const before = stockBefore.current;
    const failure = await onSave(
      result.input,
      before === undefined
        ? { stockShards: result.shards }
        : { stockShards: result.shards, stockBefore: before },
    );
    setBusy(false);
    if (failure) setServerError(failure);
    else {
      stockBefore.current = result.input.stock;
      setSaved(isNew ? "" : "Product saved.");
    }
  }

  const describedBy = (field: Field, hint?: string) =>
    [hint, errors[field] ? `product-${field}-error` : null].filter(Boolean).join(" ") || undefined;
  const fieldProps = (field: Field, hint?: string) => ({
    id: `product-${field}`,
    name: field,
    className: "input",
    value: values[field],
    "aria-invalid": errors[field] ? true : undefined,
    "aria-describedby": describedBy(field, hint),
    onChange: (event: { target: { value: string } }) => set(field)(event.target.value),
  });
  const label = (field: Field, extra = "") => (
    <label className="field-label" htmlFor={`product-${field}`}>
      {LABELS[field]}
      {extra}
    </label>
  );
  const error = (field: Field) =>
    errors[field] ? (
      <p id={`product-${field}-error`} className="field-error">
        {errors[field]}
      </p>
    ) : null;

  return (
    <form
      className={styles.form}
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-label="Product details"
    >
      <div className={`field ${styles.wide}`}>
        {label("name")}
        <input {...fieldProps("name")} autoComplete="off" />
        {error("name")}
      </div>
      <div className={`field ${styles.wide}`}>
        {label("slug")}
        <input
          {...fieldProps("slug", "product-slug-hint")}
          onChange={(event) => {
            setSlugTouched(true);
            set("slug")(event.target.value);
          }}
          autoComplete="off"
        />
        <p id="product-slug-hint" className="field-hint">
          The product page&apos;s address: /products/{values.slug || "…"}
        </p>
        {error("slug")}
      </div>
      <div className={`field ${styles.wide}`}>
        {label("description")}
        <textarea {...fieldProps("description")} rows={5} />
        {error("description")}
      </div>
      <div className="field">
        {label("price", ` (${currency})`)}
        <input {...fieldProps("price", "product-price-hint")} inputMode="decimal" autoComplete="off" />
        <p id="product-price-hint" className="field-hint">
          For example 24.50
        </p>
        {error("price")}
      </div>
      <div className="field">
        {label("stock")}
        <input {...fieldProps("stock")} inputMode="numeric" autoComplete="off" />
        {error("stock")}
      </div>
      <div className="field">
        {label("stockShards")}
        <input
          {...fieldProps("stockShards", "product-stockShards-hint")}
          inputMode="numeric"
          autoComplete="off"
        />
        <p id="product-stockShards-hint" className="field-hint">
          1 for most products. For a flash sale, about one per order a second you expect: the stock is spread
          over that many documents, so many shoppers can buy at once. Above 1, the change you make to the
          stock is applied to what is left.
        </p>
        {error("stockShards")}
      </div>
      <div className="field">
        {label("categoryId")}
        <select {...fieldProps("categoryId")}>
          <option value="">Choose a category</option>
          {categories.map((category) => (
            <option key={category.id} value={category.id}>
              {category.name}
            </option>
          ))}
        </select>
        {error("categoryId")}
      </div>
      <div className="field">
        {label("status")}
        <select {...fieldProps("status", "product-status-hint")}>
          {productStatuses.map((status) => (
            <option key={status} value={status}>
              {status[0]?.toUpperCase()}
              {status.slice(1)}
            </option>
          ))}
        </select>
        <p id="product-status-hint" className="field-hint">
          Only active products are in the shop.
        </p>
        {error("status")}
      </div>
      <div className={`field ${styles.wide}`}>
        {label("tags")}
        <input {...fieldProps("tags", "product-tags-hint")} autoComplete="off" />
        <p id="product-tags-hint" className="field-hint">
          Separated by commas, e.g. cookware, cast iron
        </p>
        {error("tags")}
      </div>
      <div className={`${styles.wide} ${styles.submit}`}>
        <button type="submit" className="button" disabled={busy}>
          {busy ? "Saving…" : isNew ? "Create product" : "Save changes"}
        </button>
        <LiveMessage kind="alert" message={serverError} />
        <LiveMessage kind="status" message={saved} />
      </div>
    </form>
  );
}
