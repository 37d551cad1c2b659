// The SDK modules each function needs, read from what its handler calls: the bar its cold start
// is held to. A function that loads more (Stripe where no payment is made) shows above the goal.
const firestoreTrigger = [
  "firebase-functions/v2/firestore",
  "firebase-admin/app",
  "firebase-admin/firestore",
];
const callable = ["firebase-functions/v2/https", "firebase-admin/app", "firebase-admin/firestore"];
const scheduled = ["firebase-functions/v2/scheduler", "firebase-admin/app", "firebase-admin/firestore"];
const storageTrigger = ["firebase-functions/v2/storage", "firebase-admin/app", "firebase-admin/firestore"];
const auth = "firebase-admin/auth";
const storage = "firebase-admin/storage";
// Every admin callable reads the caller's account from Auth: a revoked or disabled admin's token
// stays valid for up to an hour.
const admin = "the admin's current claim";
// firebase-admin/storage loads the Cloud Storage client on the first getStorage(); the image
// functions make theirs at load, and every call of theirs uses it.
const storageClient = [storage, "@google-cloud/storage"];

export interface SdkNeeds {
  modules: string[];
  /** Why beyond the trigger's own SDK and Firestore. */
  why?: string;
}

export const SDK_NEEDS: Partial<Record<string, SdkNeeds>> = {
  onOrderCreated: {
    modules: [...firestoreTrigger, auth, "stripe"],
    why: "shopper's email; checkout session",
  },
  onOrderUpdated: { modules: [...firestoreTrigger, auth], why: "shopper's email for the status mail" },
  recordOrderRefunds: { modules: firestoreTrigger },
  onStockShardWritten: { modules: firestoreTrigger },
  expireUnpaidOrdersJob: { modules: scheduled },
  dailySalesReport: { modules: [...scheduled, storage], why: "report CSV in Storage" },
  paymentWebhook: { modules: [...callable, auth, "stripe"], why: "signature check, late refunds, email" },
  adminCancelOrder: { modules: [...callable, auth, "stripe"], why: `${admin}; a paid order is refunded` },
  adminRefundOrder: { modules: [...callable, auth, "stripe"], why: `${admin}; refund` },
  adminUpdateOrderStatus: { modules: [...callable, auth], why: admin },
  runScheduledJobNow: { modules: [...callable, auth], why: admin },
  adminListAdmins: { modules: [...callable, auth], why: "users and claims" },
  adminSetAdmin: { modules: [...callable, auth], why: "custom claims" },
  adminReportDownloadUrl: { modules: [...callable, auth, storage], why: `${admin}; report files` },
  adminRunDailyReport: { modules: [...callable, auth, storage], why: `${admin}; report files` },
  adminSalesToday: { modules: [...callable, auth], why: admin },
  adminSaveProduct: { modules: [...callable, auth], why: admin },
  adminDeleteProductImage: { modules: [...callable, auth, ...storageClient], why: `${admin}; image files` },
  onProductImageUploaded: {
    modules: [...storageTrigger, ...storageClient, "sharp"],
    why: "image files, resizing",
  },
};
