"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { AccountSkeleton } from "@/components/account/account-skeleton";
import { SignInPrompt } from "@/components/account/sign-in-prompt";
import { EmptyState } from "@/components/empty-state";
import type { NotificationItem } from "@/lib/notifications/notifications";
import { useUser } from "@/lib/auth/use-user";
import styles from "./notifications.module.css";

const DATE_FORMAT = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });

/** /notifications: the signed-in shopper's notifications, live, newest first. */
export function NotificationsView() {
  const auth = useUser();
  if (auth.status === "loading") return <AccountSkeleton label="Loading your notifications…" />;
  if (auth.status === "signed-out") {
    return (
      <SignInPrompt
        title="Sign in to see your notifications"
        reason="Updates about your orders appear here once you sign in."
        next="/notifications"
      />
    );
  }
  return <NotificationList key={auth.user.uid} uid={auth.user.uid} />;
}

type ListState = { kind: "loading" } | { kind: "error" } | { kind: "ready"; items: NotificationItem[] };

function NotificationList({ uid }: { uid: string }) {
  const [state, setState] = useState<ListState>({ kind: "loading" });
  const [status, setStatus] = useState("");

  useEffect(() => {
    let unsubscribe: (() => void) | undefined;
    let cancelled = false;
    void import("@/lib/notifications/notifications").then(({ watchNotifications }) => {
      if (cancelled) return;
      unsubscribe = watchNotifications(
        uid,
        (items) => setState({ kind: "ready", items }),
        () => setState({ kind: "error" }),
      );
    });
    return () => {
      cancelled = true;
      unsubscribe?.();
    };
  }, [uid]);

  async function mark(ids: readonly string[]) {
    try {
      const { markRead, markAllRead } = await import("@/lib/notifications/notifications");
      const [only] = ids;
      if (ids.length === 1 && only) await markRead(uid, only);
      else await markAllRead(uid, ids);
      setStatus(ids.length === 1 ? "Marked as read." : "All notifications marked as read.");
    } catch (error) {
      console.error(error);
      setStatus("Could not update your notifications. Please try again.");
    }
  }

  if (state.kind === "loading") return <AccountSkeleton label="Loading your notifications…" />;
  if (state.kind === "error") {
    return (
      <p className="alert" role="alert">
        We could not load your notifications. Reload the page to try again.
      </p>
    );
  }
  if (state.items.length === 0) {
    return (
      <EmptyState title="No notifications yet">
        <p>We will let you know here when something happens to your orders.</p>
      </EmptyState>
    );
  }

  const unread = state.items.filter((item) => !item.read);
  return (
    <div className={styles.wrapper}>
      <div className={styles.toolbar}>
        <p className={styles.summary}>{unread.length === 0 ? "All caught up." : `${unread.length} unread`}</p>
        {unread.length > 0 ? (
          <button
            type="button"
            className="button-secondary"
            onClick={() => void mark(unread.map((item) => item.id))}
          >
            Mark all as read
          </button>
        ) : null}
      </div>
      <p className="visually-hidden" role="status">
        {status}
      </p>
      <ul className={styles.list} data-testid="notification-list">
        {state.items.map((item) => (
          <li
            key={item.id}
            className={item.read ? styles.item : `${styles.item} ${styles.unread}`}
            data-testid="notification"
            data-read={item.read}
          >
            <div className={styles.text}>
              <h2 className={styles.title}>
                {item.read ? null : <span className="visually-hidden">Unread: </span>}
                {item.title}
              </h2>
              <p className={styles.body}>{item.body}</p>
              <p className={styles.meta}>
                {item.createdAtMillis === null ? "Just now" : DATE_FORMAT.format(item.createdAtMillis)}
                {item.orderId ? (
                  <>
                    {" · "}
                    <Link
                      href={`/orders/${item.orderId}`}
                      onClick={() => {
                        if (!item.read) void mark([item.id]);
                      }}
                    >
                      View order
                    </Link>
                  </>
                ) : null}
              </p>
            </div>
            {item.read ? null : (
              <button type="button" className="button-secondary" onClick={() => void mark([item.id])}>
                Mark as read<span className="visually-hidden">: {item.title}</span>
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
