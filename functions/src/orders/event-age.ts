/**
 * Retried triggers are redelivered for days. Past these ages a trigger stops retrying (the
 * Cloud Functions "avoid infinite retries" pattern: compare the event's time with now) and leaves
 * a trace instead. An order's checkout has to open within minutes of pricing, and a shopper
 * watching a pending order will not wait longer; stock release and notifications can wait longer.
 */
export const ORDER_CREATED_MAX_EVENT_AGE_MS = 10 * 60_000;
export const ORDER_UPDATED_MAX_EVENT_AGE_MS = 60 * 60_000;

/** An unreadable time counts as fresh: better one more retry than dropping a good event. */
export function isEventTooOld(eventTime: string, now: Date, maxAgeMs: number): boolean {
  const at = Date.parse(eventTime);
  return Number.isFinite(at) && now.getTime() - at > maxAgeMs;
}
