import type { StatusMove } from "../orders/apply-transition";
import type { LateRefundTask } from "./late-payment";

/** What applying one webhook event did, recorded on webhookEvents/{id} in the same transaction. */
export interface EventEffect {
  outcome: "applied" | "ignored";
  orderId: string | null;
  reason?: string;
  /** The status change the event made, when it made one. */
  moved?: StatusMove;
  /** A captured payment the order cannot keep; the webhook refunds it after the commit. */
  lateRefund?: LateRefundTask;
}
