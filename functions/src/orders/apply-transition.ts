import {
  releasesStock,
  transition,
  type Actor,
  type Order,
  type OrderEvent,
  type OrderStatus,
} from "@hearth/domain";
import {
  FieldValue,
  type DocumentReference,
  type Firestore,
  type Transaction,
} from "firebase-admin/firestore";
import { orderEventRef, orderRef, parseOrder, stampFieldFor } from "./order-docs";
import { readReleasePlan, releaseMarker, writeRelease, type ReleasePlan } from "./release-stock";
import { logStatusMove } from "./saga-log";

export interface TransitionRequest {
  orderId: string;
  event: OrderEvent;
  actor: Actor;
  note?: string;
  /** Extra order fields written with the status change, e.g. `payment.paymentIntentId`. */
  fields?: Record<string, unknown>;
  /** Returns a reason to refuse the move for the order as read in the transaction. */
  guard?: (order: Order) => string | null;
}

export type PreparedTransition =
  | { ok: false; reason: string; status: OrderStatus | null }
  | {
      ok: true;
      request: TransitionRequest;
      ref: DocumentReference;
      order: Order;
      from: OrderStatus;
      to: OrderStatus;
      release: ReleasePlan | null;
    };

export type TransitionOutcome =
  | { applied: true; from: OrderStatus; to: OrderStatus; stockReleased: boolean }
  | { applied: false; reason: string; status: OrderStatus | null };

/** Read phase of a status change: the order, and the products when stock goes back. */
export async function prepareTransition(
  tx: Transaction,
  db: Firestore,
  request: TransitionRequest,
): Promise<PreparedTransition> {
  const ref = orderRef(db, request.orderId);
  const snap = await tx.get(ref);
  if (!snap.exists) return { ok: false, reason: `Order ${request.orderId} does not exist`, status: null };
  const order = parseOrder(snap.data());
  if (!order) return { ok: false, reason: `Order ${request.orderId} is not a valid order`, status: null };

  const result = transition(order, request.event);
  if (!result.ok) return { ok: false, reason: result.error, status: order.status };
  const refusal = request.guard?.(order) ?? null;
  if (refusal) return { ok: false, reason: refusal, status: order.status };

  const release = releasesStock(order.status, result.to) ? await readReleasePlan(tx, db, order) : null;
  return { ok: true, request, ref, order, from: order.status, to: result.to, release };
}

/** Write phase: status, timestamps, stock release and the audit record, all in the same transaction. */
export function commitTransition(
  tx: Transaction,
  db: Firestore,
  prepared: Extract<PreparedTransition, { ok: true }>,
): void {
  const { request, ref, from, to, release } = prepared;
  const now = FieldValue.serverTimestamp();
  tx.update(ref, {
    ...request.fields,
    status: to,
    [stampFieldFor[request.event]]: now,
    updatedAt: now,
    ...(release ? releaseMarker() : {}),
  });
  if (release) writeRelease(tx, ref, release);
  tx.set(orderEventRef(db, request.orderId, request.event), {
    from,
    to,
    event: request.event,
    actor: request.actor,
    at: now,
    ...(request.note ? { note: request.note.slice(0, 1000) } : {}),
  });
}

/** A committed status change, as results and logs report it. */
export interface StatusMove {
  from: OrderStatus;
  to: OrderStatus;
  stockReleased: boolean;
}

export function moveOf(prepared: Extract<PreparedTransition, { ok: true }>): StatusMove {
  return { from: prepared.from, to: prepared.to, stockReleased: prepared.release !== null };
}

export function outcomeOf(prepared: PreparedTransition): TransitionOutcome {
  return prepared.ok
    ? { applied: true, from: prepared.from, to: prepared.to, stockReleased: prepared.release !== null }
    : { applied: false, reason: prepared.reason, status: prepared.status };
}

export async function applyTransition(db: Firestore, request: TransitionRequest): Promise<TransitionOutcome> {
  const outcome = await db.runTransaction(async (tx) => {
    const prepared = await prepareTransition(tx, db, request);
    if (prepared.ok) commitTransition(tx, db, prepared);
    return outcomeOf(prepared);
  });
  if (outcome.applied) {
    logStatusMove(request.orderId, outcome.from, outcome.to, {
      event: request.event,
      actor: request.actor.type,
      actorId: request.actor.id,
      stockReleased: outcome.stockReleased,
    });
  }
  return outcome;
}
