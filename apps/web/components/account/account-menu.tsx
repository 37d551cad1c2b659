"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { safeNextPath, signInHref } from "@/lib/auth/safe-next";
import { useUser, type SessionUser } from "@/lib/auth/use-user";
import styles from "./account-menu.module.css";

// Signing out from the menu removes the focused button: focus then goes to the Sign in link.
let focusSignInLink = false;

function focusIfSignedOutHere(link: HTMLAnchorElement | null) {
  if (!link || !focusSignInLink) return;
  focusSignInLink = false;
  link.focus();
}

/**
 * The header's account entry: a placeholder, a Sign in link, or the account's name with a menu.
 * Visitors with no sign-in hint are signed out at once after hydration, without Firebase Auth
 * (lib/auth/auth-store.ts).
 */
export function AccountMenu({ linkClassName }: { linkClassName?: string }) {
  const auth = useUser();
  const pathname = usePathname();

  if (auth.status === "loading") {
    // The server's render, and a signed-in account's until Auth answers. It is the Sign in link's
    // text in the link's style, hidden, so it takes exactly the link's room: for the usual visitor,
    // who is signed out, the link then takes its place without moving anything.
    return (
      <li>
        <span className={styles.placeholder} aria-hidden="true">
          <span className={`${linkClassName ?? ""} ${styles.placeholderText}`}>Sign in</span>
        </span>
      </li>
    );
  }
  if (auth.status === "signed-out") {
    const next = safeNextPath(pathname, "");
    return (
      <li>
        <Link
          ref={focusIfSignedOutHere}
          href={next && next !== "/" ? signInHref(next) : "/sign-in"}
          className={linkClassName}
        >
          Sign in
        </Link>
      </li>
    );
  }
  return (
    <li className={styles.menu}>
      <Menu key={auth.user.uid} user={auth.user} pathname={pathname} />
    </li>
  );
}

function Menu({ user, pathname }: { user: SessionUser; pathname: string }) {
  const [open, setOpen] = useState(false);
  const [openedAt, setOpenedAt] = useState(pathname);
  const [status, setStatus] = useState("");
  const menuId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);

  // Following a link in the menu closes it.
  if (open && openedAt !== pathname) {
    setOpen(false);
    setOpenedAt(pathname);
  }

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (event.target instanceof Node && !rootRef.current?.contains(event.target)) setOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    document.addEventListener("pointerdown", onPointerDown);
    document.addEventListener("keydown", onKeyDown);
    return () => {
      document.removeEventListener("pointerdown", onPointerDown);
      document.removeEventListener("keydown", onKeyDown);
    };
  }, [open]);

  async function handleSignOut() {
    setStatus("Signing out…");
    try {
      const { signOut } = await import("@/lib/auth/auth-actions");
      focusSignInLink = true;
      await signOut();
    } catch (error) {
      focusSignInLink = false;
      console.error(error);
      setStatus("Could not sign out. Please try again.");
    }
  }

  const name = user.displayName?.trim() || user.email || "Your account";
  return (
    <div ref={rootRef} className={styles.root}>
      <button
        ref={buttonRef}
        type="button"
        className={styles.toggle}
        aria-expanded={open}
        aria-controls={menuId}
        data-testid="account-menu"
        onClick={() => {
          setOpenedAt(pathname);
          setOpen((value) => !value);
        }}
      >
        {user.photoURL ? (
          <picture className={styles.avatar}>
            <img src={user.photoURL} alt="" width={28} height={28} />
          </picture>
        ) : null}
        <span className={styles.name}>{name}</span>
        <svg className={styles.chevron} viewBox="0 0 12 12" aria-hidden="true" focusable="false">
          <path d="M2.5 4.5 6 8l3.5-3.5" />
        </svg>
      </button>
      <ul id={menuId} className={styles.list} hidden={!open}>
        <li>
          <Link href="/account" className={styles.item} onClick={() => setOpen(false)}>
            Account
          </Link>
        </li>
        <li>
          <Link href="/orders" className={styles.item} onClick={() => setOpen(false)}>
            Orders
          </Link>
        </li>
        <li>
          <Link href="/notifications" className={styles.item} onClick={() => setOpen(false)}>
            Notifications
          </Link>
        </li>
        {user.admin ? (
          <li>
            <Link href="/admin" className={styles.item} onClick={() => setOpen(false)}>
              Shop admin
            </Link>
          </li>
        ) : null}
        <li>
          <button type="button" className={styles.item} onClick={() => void handleSignOut()}>
            Sign out
          </button>
        </li>
      </ul>
      <span className="visually-hidden" role="status">
        {status}
      </span>
    </div>
  );
}
