"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { useUser } from "@/lib/auth/use-user";
import styles from "./notification-bell.module.css";

/** The header's bell: shown to signed-in shoppers, with the live unread count. */
export function NotificationBell() {
  const auth = useUser();
  if (auth.status !== "signed-in") return null;
  return (
    <li>
      <Bell key={auth.user.uid} uid={auth.user.uid} />
    </li>
  );
}

function Bell({ uid }: { uid: string }) {
  const [count, setCount] = useState<number | null>(null);

  useEffect(() => {
    let unsubscribe: (() => void) | undefined;
    let cancelled = false;
    void import("@/lib/notifications/notifications").then(({ watchUnreadCount }) => {
      if (cancelled) return;
      unsubscribe = watchUnreadCount(uid, setCount, () => setCount(null));
    });
    return () => {
      cancelled = true;
      unsubscribe?.();
    };
  }, [uid]);

  const unread = count ?? 0;
  const label = unread > 0 ? `Notifications, ${unread} unread` : "Notifications";
  return (
    <>
      <Link href="/notifications" className={styles.bell} aria-label={label} data-testid="notification-bell">
        <svg className={styles.icon} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M12 3a6 6 0 0 0-6 6v3.6L4.3 15.3A1 1 0 0 0 5.1 17h13.8a1 1 0 0 0 .8-1.7L18 12.6V9a6 6 0 0 0-6-6Zm0 19a3 3 0 0 0 2.8-2H9.2a3 3 0 0 0 2.8 2Z" />
        </svg>
        {unread > 0 ? (
          <span className={styles.badge} data-testid="notification-count" aria-hidden="true">
            {unread > 99 ? "99+" : unread}
          </span>
        ) : null}
      </Link>
      <span className="visually-hidden" role="status">
        {unread > 0 ? `${unread} unread notification${unread === 1 ? "" : "s"}` : ""}
      </span>
    </>
  );
}
