"use client";

import { useStoreConfig } from "@/lib/admin/use-store-config";
import { StoreSettingsForm } from "./store-settings-form";

export function StoreSettings() {
  const store = useStoreConfig();
  if (store.status === "loading") return <p role="status">Loading the settings…</p>;
  if (store.status === "error") {
    return (
      <p role="alert" className="alert">
        The settings could not be loaded. Check your connection and reload the page.
      </p>
    );
  }
  // Keyed by nothing live: the form keeps what the admin types while the document changes.
  return <StoreSettingsForm config={store.config} />;
}
