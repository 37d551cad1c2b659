import { AccountSkeleton } from "@/components/account/account-skeleton";

export default function NotificationsLoading() {
  return <AccountSkeleton label="Loading your notifications…" />;
}
