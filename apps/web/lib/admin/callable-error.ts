import { FirebaseError } from "firebase/app";

/** What the back office says when a callable fails without a sentence of its own. */
const FALLBACK: Readonly<Record<string, string>> = {
  unauthenticated: "Your session has ended. Sign in again.",
  "permission-denied": "Only the shop's admins can do this.",
  "not-found": "It no longer exists. Reload the page.",
  "already-exists": "That already exists.",
  "failed-precondition": "That is not possible in the current state. Reload the page.",
  "invalid-argument": "Some of the values are not valid.",
  "resource-exhausted": "Too many requests. Wait a moment and try again.",
  unavailable: "The server cannot be reached. Check your connection and try again.",
  "deadline-exceeded": "The server took too long. Try again.",
  internal: "Something went wrong on the server. Try again.",
};

/** A callable's error as a sentence for the admin: the server's own message when it gave one. */
export function describeCallableError(error: unknown): string {
  if (error instanceof FirebaseError) {
    const code = error.code.replace(/^functions\//, "");
    const fallback = FALLBACK[code] ?? "Something went wrong. Try again.";
    // The SDK appends the HTTP status (" [409]") and, without a message, names the code
    // ("INTERNAL", "Backend error status: …"); only the server's own sentence is worth showing.
    const message = error.message.replace(/\s*\[\d{3}\]$/, "").trim();
    const bare = !message || message.toUpperCase() === message || message.startsWith("Backend error status");
    return bare || message === code ? fallback : message;
  }
  return "Something went wrong. Try again.";
}
