import { doc, getDoc, type Firestore } from "firebase/firestore";
import { storeConfigSchema, type StoreConfig } from "@hearth/domain";
import { z } from "zod";

export const STORE_CONFIG_PATH = "config/store";

/** The store's settings, or null when config/store is missing or invalid (logged). */
export async function getStoreConfig(db: Firestore): Promise<StoreConfig | null> {
  const snapshot = await getDoc(doc(db, STORE_CONFIG_PATH));
  if (!snapshot.exists()) return null;
  const result = storeConfigSchema.safeParse(snapshot.data());
  if (result.success) return result.data;
  console.warn(`Ignoring invalid ${STORE_CONFIG_PATH}:\n${z.prettifyError(result.error)}`);
  return null;
}
