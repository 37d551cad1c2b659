import type { Metadata } from "next";
import { AuthCard } from "@/components/auth/auth-card";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { safeNextPath, type SearchParams } from "@/lib/auth/safe-next";

export const metadata: Metadata = { title: "Create an account", robots: { index: false } };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { next } = await searchParams;
  return (
    <AuthCard
      title="Create an account"
      intro="Save your address, follow your orders and keep your cart on every device."
    >
      <SignUpForm next={safeNextPath(next)} />
    </AuthCard>
  );
}
