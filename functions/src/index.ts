// Deployed functions. Logic lives in plain functions beside each trigger so tests can call it.
// functions/build.mjs bundles each module named here on its own and exports these names lazily,
// so a function's instance loads only its module: keep to plain named re-exports like these.
export { onOrderCreated } from "./orders/on-order-created";
export { onOrderUpdated } from "./orders/on-order-updated";
export { expireUnpaidOrdersJob } from "./orders/expire-unpaid";
export { adminCancelOrder, adminRefundOrder } from "./orders/admin-callables";
export { adminUpdateOrderStatus, runScheduledJobNow } from "./orders/status-callables";
export { paymentWebhook } from "./payments/webhook";
export { adminListAdmins, adminSetAdmin } from "./admins/admin-callables";
export { dailySalesReport } from "./reports/daily-report-job";
export { recordOrderRefunds } from "./reports/refund-ledger";
export { adminReportDownloadUrl, adminRunDailyReport, adminSalesToday } from "./reports/report-callables";
export { onProductImageUploaded } from "./images/on-original-finalized";
export { adminDeleteProductImage } from "./images/admin-callables";
export { adminSaveProduct } from "./catalog/product-callables";
export { onStockShardWritten } from "./stock/on-stock-shard-written";
