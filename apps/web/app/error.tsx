"use client";

import { useEffect } from "react";
import { EmptyState } from "@/components/empty-state";

export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);

  const digest = error instanceof Error && "digest" in error ? String(error.digest) : null;

  return (
    <EmptyState title="Something went wrong">
      <p>We could not load this page. It may be a temporary problem.</p>
      {digest ? <p>Reference: {digest}</p> : null}
      <p>
        <button type="button" className="button" onClick={() => retry()}>
          Try again
        </button>
      </p>
    </EmptyState>
  );
}
