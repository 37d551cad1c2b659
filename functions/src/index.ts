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
export { adminListAdmins, adminSetAdmin } from "./admins/admin-callables";
export { dailySalesReport } from "./reports/daily-report-job";
export { recordOrderRefunds } from "./reports/refund-ledger";
export { adminReportDownloadUrl, adminRunDailyReport, adminSalesToday } from "./reports/report-callables";
export { onProductImageUploaded } from "./images/on-original-finalized";
export { adminDeleteProductImage } from "./images/admin-callables";
export { adminSaveProduct } from "./catalog/product-callables";
