import type { OrderStatus } from "@hearth/domain";

export type OrderActionErrorCode = "not-found" | "failed-precondition" | "unavailable" | "invalid-argument";

/** A refusal the callable wrapper turns into an HttpsError with the same canonical code. */
export class OrderActionError extends Error {
  constructor(
    readonly code: OrderActionErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "OrderActionError";
  }
}

export interface AdminResult {
  orderId: string;
  status: OrderStatus;
  refundId?: string;
}
