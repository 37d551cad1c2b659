import * as logger from "firebase-functions/logger";
import { onDocumentWritten } from "firebase-functions/v2/firestore";
import { db } from "../admin";
import { REGION } from "../config";
import { handleStockShardWritten } from "./sync-product-stock";

/** Past this, a redelivered event is dropped: a later write's event syncs the product anyway. */
const MAX_EVENT_AGE_MS = 10 * 60_000;

/**
 * Keeps a sharded product's shown `stock` (storefront, listings' in-stock filter, back office) the
 * sum of its shards, within about a second, writing the product at most about once a second
 * however fast its shards change.
 */
export const onStockShardWritten = onDocumentWritten(
  {
    document: "products/{productId}/stockShards/{shard}",
    region: REGION,
    memory: "256MiB",
    maxInstances: 10,
    retry: true,
  },
  async (event) => {
    const { productId } = event.params;
    if (Date.now() - Date.parse(event.time) > MAX_EVENT_AGE_MS) {
      logger.warn("Stock sync event too old; dropped", { productId, step: "sync-stock", time: event.time });
      return;
    }
    const outcome = await handleStockShardWritten(db, productId);
    if (outcome.kind === "synced" && outcome.changed) {
      logger.debug("Shown stock synced from the shards", {
        productId,
        step: "sync-stock",
        stock: outcome.stock,
      });
    }
  },
);
