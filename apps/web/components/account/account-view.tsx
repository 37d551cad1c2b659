"use client";

import { useEffect, useState } from "react";
import type { ProfileEvent } from "@/lib/account/profile";
import { useUser, type SessionUser } from "@/lib/auth/use-user";
import { AccountSkeleton } from "./account-skeleton";
import { AvatarUploader } from "./avatar-uploader";
import { ProfileForm } from "./profile-form";
import { SignInPrompt } from "./sign-in-prompt";

/** /account's body: filled in on the client for the signed-in shopper only. */
export function AccountView() {
  const auth = useUser();
  if (auth.status === "loading") return <AccountSkeleton label="Loading your account…" />;
  if (auth.status === "signed-out") {
    return (
      <SignInPrompt
        title="Sign in to see your account"
        reason="Your profile, address and picture are here once you sign in."
        next="/account"
      />
    );
  }
  // A new key per account: nothing of the previous shopper survives an account switch.
  return <AccountDetails key={auth.user.uid} user={auth.user} />;
}

function AccountDetails({ user }: { user: SessionUser }) {
  const [event, setEvent] = useState<ProfileEvent | null>(null);

  useEffect(() => {
    let unsubscribe: (() => void) | undefined;
    let cancelled = false;
    void import("@/lib/account/profile").then(({ watchProfile, ensureProfile }) => {
      if (cancelled) return;
      unsubscribe = watchProfile(user.uid, (next) => {
        setEvent(next);
        // An account from before profiles existed, or whose sign-up write failed.
        if (next.kind === "missing") void ensureProfile(user).catch((error: unknown) => console.warn(error));
      });
    });
    return () => {
      cancelled = true;
      unsubscribe?.();
    };
  }, [user]);

  if (event === null || event.kind === "missing") return <AccountSkeleton label="Loading your profile…" />;
  if (event.kind === "error") {
    return (
      <p className="alert" role="alert">
        We could not load your profile. Reload the page to try again.
      </p>
    );
  }
  return (
    <div data-testid="account-details">
      <p>
        Signed in as <strong data-testid="account-email">{user.email ?? event.profile.email}</strong>
      </p>
      <AvatarUploader user={user} />
      <ProfileForm uid={user.uid} profile={event.profile} />
    </div>
  );
}
