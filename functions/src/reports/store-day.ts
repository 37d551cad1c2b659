import { isTimeZone, storeConfigSchema } from "@hearth/domain";
import type { Firestore } from "firebase-admin/firestore";
import { Refusal } from "../admins/refusal";

/** What a report needs from config/store. */
export interface StoreDay {
  timeZone: string;
  currency: string;
  lowStockThreshold: number;
}

const storeDaySchema = storeConfigSchema.pick({ timeZone: true, currency: true, lowStockThreshold: true });

export async function readStoreDay(db: Firestore): Promise<StoreDay> {
  const parsed = storeDaySchema.safeParse((await db.collection("config").doc("store").get()).data());
  if (!parsed.success) {
    throw new Refusal(
      "failed-precondition",
      "The store settings (config/store) are missing or invalid; save them before running reports",
    );
  }
  const { timeZone } = parsed.data;
  if (!isTimeZone(timeZone)) {
    throw new Refusal(
      "failed-precondition",
      `The store's time zone "${timeZone}" is not one this server knows; choose another in the store settings`,
    );
  }
  return parsed.data;
}
