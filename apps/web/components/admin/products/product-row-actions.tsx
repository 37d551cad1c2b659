"use client";

import { useState } from "react";
import type { AdminProductRow } from "@/lib/admin/products/admin-products";
import styles from "./products.module.css";

/** Archive hides a product from the shop and keeps it (orders refer to it); restore brings it back as a draft. */
export function ProductRowActions({ row }: { row: AdminProductRow }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState("");
  const archived = row.status === "archived";

  async function toggle() {
    setBusy(true);
    setError("");
    try {
      const { setProductStatus } = await import("@/lib/admin/products/admin-products");
      await setProductStatus(row.id, archived ? "draft" : "archived");
    } catch (failure) {
      console.error("Could not change the product's status", failure);
      setError(`${row.name} could not be ${archived ? "restored" : "archived"}. Try again.`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className={styles.actions}>
      <button type="button" className={styles.linkButton} onClick={() => void toggle()} disabled={busy}>
        {archived ? "Restore" : "Archive"}
        <span className="visually-hidden"> {row.name}</span>
      </button>
      {error ? (
        <p role="alert" className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
