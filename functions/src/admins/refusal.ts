import type { FunctionsErrorCode } from "firebase-functions/v2/https";

/**
 * A request refused for a reason the caller can act on, in a sentence. Plain functions throw it
 * (tests call them without the callable layer); `asHttps` turns it into an HttpsError with the
 * same canonical code. Anything else stays an internal error.
 */
export class Refusal extends Error {
  constructor(
    readonly code: Extract<
      FunctionsErrorCode,
      "invalid-argument" | "not-found" | "failed-precondition" | "permission-denied" | "unavailable"
    >,
    message: string,
  ) {
    super(message);
    this.name = "Refusal";
  }
}
