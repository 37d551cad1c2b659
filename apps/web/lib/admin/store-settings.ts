import { storeConfigSchema, type StoreConfig, type StoreConfigInput } from "@hearth/domain";
import { doc, onSnapshot, setDoc, type Firestore } from "firebase/firestore";
import { STORE_CONFIG_PATH } from "@/lib/store/store-config";

/** config/store, live; null while it is missing or invalid. */
export function watchStoreConfig(
  db: Firestore,
  onConfig: (config: StoreConfig | null) => void,
  onError: (error: Error) => void,
): () => void {
  return onSnapshot(
    doc(db, STORE_CONFIG_PATH),
    (snapshot) => {
      const parsed = storeConfigSchema.safeParse(snapshot.data());
      onConfig(parsed.success ? parsed.data : null);
    },
    onError,
  );
}

/** The whole document, as the rules' validStoreConfig checks it. */
export async function saveStoreConfig(db: Firestore, config: StoreConfigInput): Promise<void> {
  await setDoc(doc(db, STORE_CONFIG_PATH), storeConfigSchema.parse(config));
}
