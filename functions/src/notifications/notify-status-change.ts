import { mailSchema, orderSchema, type OrderStatus } from "@hearth/domain";
import { FieldValue, type Firestore } from "firebase-admin/firestore";
import type { Auth } from "firebase-admin/auth";
import * as logger from "firebase-functions/logger";
import { orderRef } from "../orders/order-docs";
import { logSagaStep } from "../orders/saga-log";
import { statusMessage } from "./status-messages";

export type EmailLookup = (uid: string) => Promise<string | null>;
export type NotifyOutcome = "sent" | "exists" | "skipped";

const orderFactsSchema = orderSchema.pick({
  uid: true,
  totalCents: true,
  currency: true,
  rejectionReason: true,
  shipment: true,
});

/** Auth errors that mean no account can have this uid; anything else may pass and is thrown. */
const NO_SUCH_USER: ReadonlySet<string> = new Set(["auth/user-not-found", "auth/invalid-uid"]);

/**
 * users/{uid}.email first, else the Auth account's email; null only when the user has none. A
 * transient Auth failure throws, so the caller retries rather than settling for no email.
 */
export function emailLookup(db: Firestore, auth: Pick<Auth, "getUser">): EmailLookup {
  return async (uid) => {
    const profileEmail: unknown = (await db.collection("users").doc(uid).get()).get("email");
    if (typeof profileEmail === "string" && profileEmail) return profileEmail;
    try {
      return (await auth.getUser(uid)).email ?? null;
    } catch (error) {
      if (!isNoSuchUser(error)) throw error;
      logger.info("No Auth user for order owner", { uid });
      return null;
    }
  };
}

function isNoSuchUser(error: unknown): boolean {
  return (
    typeof error === "object" &&
    error !== null &&
    "code" in error &&
    typeof error.code === "string" &&
    NO_SUCH_USER.has(error.code)
  );
}

/** The status is part of the ids, and each status is reached at most once: one message per change. */
export function notificationId(orderId: string, status: OrderStatus): string {
  return `${orderId}_${status}`;
}

/** In-app notification + Trigger Email `mail` document, each created exactly once per status change. */
export async function notifyStatusChange(
  db: Firestore,
  orderId: string,
  status: OrderStatus,
  lookupEmail: EmailLookup,
): Promise<NotifyOutcome> {
  const facts = orderFactsSchema.safeParse((await orderRef(db, orderId).get()).data());
  if (!facts.success) {
    logger.warn("Cannot notify: order has no valid owner", { orderId, status });
    return "skipped";
  }
  const { uid } = facts.data;
  const [email, storeName] = await Promise.all([lookupEmail(uid), readStoreName(db)]);
  const message = statusMessage({ orderId, status, ...facts.data, ...(storeName ? { storeName } : {}) });
  const id = notificationId(orderId, status);
  const notificationRef = db.collection("users").doc(uid).collection("notifications").doc(id);
  const mailRef = db.collection("mail").doc(id);
  const mail = email
    ? mailSchema.safeParse({
        to: email,
        message: { subject: message.subject, text: message.text, html: message.html },
      })
    : null;

  const outcome = await db.runTransaction(async (tx): Promise<NotifyOutcome> => {
    if ((await tx.get(notificationRef)).exists) return "exists";
    tx.create(notificationRef, {
      title: message.title,
      body: message.body,
      orderId,
      read: false,
      createdAt: FieldValue.serverTimestamp(),
    });
    if (mail?.success) tx.create(mailRef, { ...mail.data, createdAt: FieldValue.serverTimestamp() });
    else logger.info("No usable email for order owner; skipping mail", { orderId, uid, status });
    return "sent";
  });
  if (outcome === "sent") {
    logSagaStep("notification_sent", "Notified the shopper", {
      orderId,
      status,
      mailed: mail?.success === true,
    });
  }
  return outcome;
}

async function readStoreName(db: Firestore): Promise<string | null> {
  const name: unknown = (await db.collection("config").doc("store").get()).get("storeName");
  return typeof name === "string" ? name : null;
}
