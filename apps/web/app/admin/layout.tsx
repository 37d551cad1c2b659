import type { Metadata } from "next";
import type { ReactNode } from "react";
import { AdminNav } from "@/components/admin/admin-nav";
import { AdminSessionGate } from "@/components/admin/admin-session-gate";
import { AdminsOnly } from "@/components/admin/admins-only";
import styles from "@/components/admin/admin.module.css";
import { getServerUser } from "@/lib/auth/server-user";

export const metadata: Metadata = {
  title: { template: "%s · Admin", default: "Admin" },
  robots: { index: false },
};

/**
 * The back office is rendered only for a session whose ID token carries the admin claim, checked
 * here on the server. It is not the protection of the data: every read and write below goes
 * through the security rules or an admin callable, which check the claim again.
 */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await getServerUser();
  if (!user) return <AdminSessionGate />;
  if (!user.admin) return <AdminsOnly email={user.email} />;
  return (
    <div className={styles.shell}>
      <AdminNav />
      <div className={styles.content}>{children}</div>
    </div>
  );
}
