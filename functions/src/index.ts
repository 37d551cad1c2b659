// Deployed functions. Logic lives in plain functions beside each trigger so tests can call it.
export { onOrderCreated } from "./orders/on-order-created";
export { onOrderUpdated } from "./orders/on-order-updated";
export { expireUnpaidOrdersJob } from "./orders/expire-unpaid";
export {
  adminCancelOrder,
  adminRefundOrder,
  adminUpdateOrderStatus,
  runScheduledJobNow,
} from "./orders/admin-callables";
export { paymentWebhook } from "./payments/webhook";
