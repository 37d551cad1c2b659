import { formatMoney, type Order } from "@hearth/domain";
import type { SessionFacts } from "./payment-events";

function money(cents: number | null | undefined, currency: string | null | undefined): string {
  if (cents === null || cents === undefined) return "no amount";
  return currency && /^[A-Za-z]{3}$/.test(currency) ? formatMoney(cents, currency.toUpperCase()) : `${cents}`;
}

/** Event text quoted in a reason, which is stored and logged: a hostile value stays short. */
const quoted = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

/**
 * Why the money a checkout session reports cannot count for this order, or null when the session,
 * the order id it carries, the amount and the currency are all the order's own.
 */
export function sessionMismatch(order: Order, orderId: string, session: SessionFacts): string | null {
  const problems: string[] = [];
  if (session.metadataOrderId !== null && session.metadataOrderId !== orderId) {
    problems.push(`its metadata names order ${session.metadataOrderId}`);
  }
  const expectedSession = order.payment?.sessionId;
  if (expectedSession !== session.sessionId) {
    problems.push(
      expectedSession
        ? `session ${session.sessionId} is not the order's session ${expectedSession}`
        : `the order has no checkout session on record (the event is for ${session.sessionId})`,
    );
  }
  const currency = session.currency?.toUpperCase() ?? null;
  if (currency !== (order.currency ?? null)) {
    problems.push(
      `currency ${currency === null ? "missing" : quoted(currency)} is not the order's ${order.currency ?? "(unpriced)"}`,
    );
  }
  if (session.amountCents !== (order.totalCents ?? null)) {
    problems.push(
      `amount ${money(session.amountCents, currency)} is not the order total ${money(order.totalCents, order.currency)}`,
    );
  }
  return problems.length > 0 ? `The payment does not match the order: ${problems.join("; ")}` : null;
}

/** An expiry or a failed payment ends only the order's own checkout session, when it has one on record. */
export function foreignSession(order: Order, sessionId: string): string | null {
  const own = order.payment?.sessionId;
  return own && own !== sessionId ? `Session ${sessionId} is not the order's session ${own}` : null;
}
