"use client";

import { categoryFormSchema, slugify, type CategoryForm as CategoryValues } from "@hearth/domain";
import { useState, type FormEvent } from "react";
import { fieldErrors, FormField } from "@/components/admin/form-field";
import styles from "./categories.module.css";

const FIELDS = ["name", "slug"] as const;

/** Name and slug of a category, new (the slug follows the name until edited) or existing. */
export function CategoryForm({
  idPrefix,
  initial,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  idPrefix: string;
  initial: CategoryValues;
  submitLabel: string;
  onSubmit: (values: CategoryValues) => Promise<string | null>;
  onCancel?: () => void;
}) {
  const [values, setValues] = useState(initial);
  const [slugTouched, setSlugTouched] = useState(initial.slug !== "");
  const [errors, setErrors] = useState<Partial<Record<"name" | "slug", string>>>({});
  const [failure, setFailure] = useState("");
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure("");
    const parsed = categoryFormSchema.safeParse(values);
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error.issues, FIELDS));
      return;
    }
    setErrors({});
    setBusy(true);
    const problem = await onSubmit(parsed.data);
    setBusy(false);
    if (problem) setFailure(problem);
    else if (!onCancel) {
      setValues({ name: "", slug: "" });
      setSlugTouched(false);
    }
  }

  return (
    <form className={styles.form} onSubmit={(event) => void submit(event)} noValidate>
      <FormField id={`${idPrefix}-name`} label="Name" error={errors.name}>
        {(control) => (
          <input
            {...control}
            className="input"
            value={values.name}
            autoComplete="off"
            onChange={(event) => {
              setFailure("");
              setValues({
                name: event.target.value,
                slug: slugTouched ? values.slug : slugify(event.target.value),
              });
            }}
          />
        )}
      </FormField>
      <FormField id={`${idPrefix}-slug`} label="Slug" error={errors.slug}>
        {(control) => (
          <input
            {...control}
            className="input"
            value={values.slug}
            autoComplete="off"
            onChange={(event) => {
              setFailure("");
              setSlugTouched(true);
              setValues({ ...values, slug: event.target.value });
            }}
          />
        )}
      </FormField>
      <div className={styles.formActions}>
        <button type="submit" className="button" disabled={busy}>
          {busy ? "Saving…" : submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="button-secondary" onClick={onCancel} disabled={busy}>
            Cancel
          </button>
        ) : null}
      </div>
      {failure ? (
        <p role="alert" className="alert">
          {failure}
        </p>
      ) : null}
    </form>
  );
}
