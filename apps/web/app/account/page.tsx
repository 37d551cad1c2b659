import type { Metadata } from "next";
import { AccountView } from "@/components/account/account-view";

export const metadata: Metadata = { title: "Your account", robots: { index: false } };

/** Rendered without any identity on the server; the shopper's data fills in on the client. */
export default function AccountPage() {
  return (
    <>
      <h1>Your account</h1>
      <AccountView />
    </>
  );
}
