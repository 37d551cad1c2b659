/**
 * A failure no retry can fix (configuration, input the provider refuses). `message` is for the
 * logs; `reason` is worded for the shopper and ends up on the order.
 */
export class PermanentError extends Error {
  readonly reason: string;

  constructor(message: string, reason: string) {
    super(message);
    this.name = "PermanentError";
    this.reason = reason;
  }
}

export const PAYMENTS_UNAVAILABLE = "The store cannot take payments right now.";
