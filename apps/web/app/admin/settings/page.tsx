import type { Metadata } from "next";
import { StoreSettings } from "@/components/admin/settings/store-settings";

export const metadata: Metadata = { title: "Store settings" };

export default function StoreSettingsPage() {
  return (
    <>
      <h1>Store settings</h1>
      <StoreSettings />
    </>
  );
}
