import type { Metadata } from "next";
import { AuthCard } from "@/components/auth/auth-card";
import { SignInForm } from "@/components/auth/sign-in-form";
import { safeNextPath, type SearchParams } from "@/lib/auth/safe-next";

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };

export default async function SignInPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { next } = await searchParams;
  return (
    <AuthCard
      title="Sign in"
      intro="Welcome back. Sign in to check out, follow your orders and manage your account."
    >
      <SignInForm next={safeNextPath(next)} />
    </AuthCard>
  );
}
