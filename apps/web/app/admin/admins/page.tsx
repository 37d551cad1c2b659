import type { Metadata } from "next";
import { AdminManager } from "@/components/admin/admins/admin-manager";
import { getServerUser } from "@/lib/auth/server-user";

export const metadata: Metadata = { title: "Admins" };

export default async function AdminsPage() {
  // The layout let an admin in; the uid marks "you" in the list.
  const user = await getServerUser();
  return (
    <>
      <h1>Admins</h1>
      <p>Admins can change the catalogue, orders and settings. The shop always keeps at least one.</p>
      <AdminManager selfUid={user?.uid ?? ""} />
    </>
  );
}
