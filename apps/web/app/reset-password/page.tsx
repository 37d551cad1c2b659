import type { Metadata } from "next";
import { AuthCard } from "@/components/auth/auth-card";
import { NewPasswordForm } from "@/components/auth/new-password-form";
import { RequestResetForm } from "@/components/auth/request-reset-form";
import type { SearchParams } from "@/lib/auth/safe-next";

export const metadata: Metadata = { title: "Reset your password", robots: { index: false } };

/**
 * Without a code: ask for the reset email. With `?mode=resetPassword&oobCode=…` (the email's link,
 * when the project's action URL points here): choose the new password.
 */
export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { mode, oobCode } = await searchParams;
  const code = mode === "resetPassword" && typeof oobCode === "string" && oobCode ? oobCode : null;
  return code ? (
    <AuthCard title="Choose a new password">
      <NewPasswordForm code={code} />
    </AuthCard>
  ) : (
    <AuthCard
      title="Reset your password"
      intro="Enter your account's email and we will send you a link to choose a new password."
    >
      <RequestResetForm />
    </AuthCard>
  );
}
