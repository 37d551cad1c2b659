import type { Firestore, Transaction } from "firebase-admin/firestore";

/** The commit failed because a shard changed after it was read (see writeIfUnchanged). */
export function isStaleShard(error: unknown): boolean {
  const code = typeof error === "object" && error !== null && "code" in error ? error.code : undefined;
  // FAILED_PRECONDITION (update), ALREADY_EXISTS (create of a shard that was missing).
  return code === 9 || code === 6;
}

/**
 * runTransaction, and again when the commit found a shard changed since it was read: that is
 * contention too, but Firestore reports it as a failed precondition, which it does not retry.
 * Errors from the attempt itself (not its commit) are thrown as they are.
 */
export async function runShardTransaction<T>(
  db: Firestore,
  attempt: (tx: Transaction) => Promise<T>,
  maxAttempts: number,
): Promise<T> {
  let committing = false;
  const run = async (tx: Transaction) => {
    committing = false;
    const result = await attempt(tx);
    committing = true;
    return result;
  };
  for (let round = 1; ; round += 1) {
    try {
      return await db.runTransaction(run, { maxAttempts });
    } catch (error) {
      if (!committing || !isStaleShard(error) || round >= maxAttempts) throw error;
      // A little jitter, so the buyers who lost the same shard do not meet again at once.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * round));
    }
  }
}
