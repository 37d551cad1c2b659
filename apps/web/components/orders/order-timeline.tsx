import { toMillis, type OrderEvent } from "@hearth/domain";
import { formatWhen } from "@/lib/orders/format-when";
import type { TimelineEntry } from "@/lib/orders/order-firestore";
import styles from "./orders.module.css";

const NOTE_LABELS = {
  payment_attempt_failed: "Payment attempt declined",
  payment_mismatch: "Payment could not be matched to the order",
  refund_recorded: "Refund recorded",
} as const;

const EVENT_LABELS: Record<OrderEvent, string> = {
  priced: "Priced; items reserved, awaiting payment",
  rejected: "Rejected",
  payment_processing: "Payment processing",
  payment_succeeded: "Paid",
  payment_failed: "Payment failed",
  expired: "Expired; items released",
  cancelled: "Cancelled",
  shipped: "Shipped",
  delivered: "Delivered",
  refunded: "Refunded",
};

const describe = (entry: TimelineEntry) => (entry.kind ? NOTE_LABELS[entry.kind] : EVENT_LABELS[entry.event]);

export function OrderTimeline({ events }: { events: readonly TimelineEntry[] }) {
  if (events.length === 0) return <p className={styles.muted}>Nothing has happened yet.</p>;
  return (
    <ol className={styles.timeline} data-testid="order-timeline">
      {events.map((entry) => (
        <li key={entry.id}>
          <strong>{describe(entry)}</strong>
          <span className={styles.muted}>
            <time dateTime={new Date(toMillis(entry.at)).toISOString()}>{formatWhen(entry.at)}</time>
          </span>
          {/* Notes on status changes are for admins (event ids, totals in cents); payment notes are for the shopper. */}
          {entry.kind && entry.note ? <span>{entry.note}</span> : null}
        </li>
      ))}
    </ol>
  );
}
