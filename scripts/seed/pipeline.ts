import type { Firestore } from "firebase-admin/firestore";
import { isLaterUpload, uploadIdOf } from "../../functions/src/images/object-names";
import { TargetError } from "./env";
import type { Upload } from "./images";

/** How long the pipeline may go without finishing any image before the seed gives up. */
export const PIPELINE_STALL_MS = 60_000;
/**
 * When one upload is not processed by then, it is uploaded again. The Functions emulator starts a
 * worker process per event that finds none idle and drops the event (no retry) when the worker
 * takes over 30 s to start, as on a loaded machine, or when it reloads the functions meanwhile.
 */
export const PIPELINE_RETRY_MS = 30_000;
const POLL_MS = 250;

export interface WatchOptions {
  stallMs?: number;
  retryMs?: number;
  log?: (line: string) => void;
  /** How many uploads the run makes, for the progress lines. */
  total: number;
}

interface Waiter {
  upload: Upload;
  since: number;
  resolve: (attached: boolean) => void;
  reject: (error: Error) => void;
}

/** True when the product has the entry of this upload, or of a later upload of the same original. */
function isAttached(images: unknown, upload: Upload): boolean {
  if (!Array.isArray(images)) return false;
  return images.some((entry: unknown) => {
    if (typeof entry !== "object" || entry === null) return false;
    const { path, urls } = entry as { path?: unknown; urls?: unknown };
    if (path !== upload.path) return false;
    const id = uploadIdOf({ urls });
    return id !== null && (id === upload.uploadId || isLaterUpload(id, upload.uploadId));
  });
}

/**
 * Watches the products of uploads in flight until the image pipeline has put each one's entry
 * there. Every round reads all of them at once (one batched read of the products and of the
 * error documents the pipeline writes when it refuses an upload), so a wait ends within a poll of
 * the entry appearing, whichever product it is on. When no image at all is finished for
 * `stallMs`, every wait fails: the Functions emulator is most likely not running.
 */
export class PipelineWatch {
  private readonly waiters = new Set<Waiter>();
  private readonly stallMs: number;
  private readonly retryMs: number;
  private readonly log: (line: string) => void;
  private readonly total: number;
  private progressAt = Date.now();
  private processed = 0;
  private running = false;
  private failure: Error | null = null;

  constructor(
    private readonly db: Firestore,
    options: WatchOptions,
  ) {
    this.stallMs = options.stallMs ?? PIPELINE_STALL_MS;
    this.retryMs = options.retryMs ?? PIPELINE_RETRY_MS;
    this.log = options.log ?? (() => undefined);
    this.total = options.total;
  }

  /**
   * Resolves true once the upload's entry is on its product, false when it is not there after
   * `retryMs` (upload it again); rejects when the pipeline refused it or stalled.
   */
  attached(upload: Upload): Promise<boolean> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.waiters.add({ upload, since: Date.now(), resolve, reject });
      if (!this.running) {
        this.running = true;
        void this.run().finally(() => (this.running = false));
      }
    });
  }

  private async run(): Promise<void> {
    while (this.waiters.size > 0) {
      const waiters = [...this.waiters];
      try {
        const snaps = await this.db.getAll(
          ...waiters.flatMap(({ upload }) => [
            this.db.doc(`products/${upload.productId}`),
            this.db.doc(`products/${upload.productId}/imageErrors/${upload.uploadId}`),
          ]),
        );
        const now = Date.now();
        waiters.forEach((waiter, index) => {
          const [product, refusal] = [snaps[2 * index], snaps[2 * index + 1]];
          const { upload } = waiter;
          if (refusal?.exists) {
            throw new Error(`the image pipeline refused ${upload.path}: ${String(refusal.get("message"))}`);
          }
          if (isAttached(product?.get("images"), upload)) {
            this.settle(waiter, true);
            this.progressAt = now;
            this.processed++;
            if (this.processed % 9 === 0 || this.processed === this.total) {
              this.log(`${this.processed}/${this.total} images made by the image pipeline`);
            }
          } else if (now - waiter.since >= this.retryMs) {
            this.settle(waiter, false);
          }
        });
        if (this.waiters.size > 0 && now - this.progressAt >= this.stallMs) {
          const left = this.total - this.processed;
          const count = `${left} image${left === 1 ? "" : "s"}`;
          throw new TargetError(
            `the image pipeline did not process ${count} within ${Math.round(this.stallMs / 1000)} s: ` +
              "is the Functions emulator running? (`npm run dev` starts it)",
          );
        }
      } catch (error) {
        this.fail(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      if (this.waiters.size > 0) await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  private settle(waiter: Waiter, attached: boolean): void {
    this.waiters.delete(waiter);
    waiter.resolve(attached);
  }

  /** Fails every wait, now and later, so that no further upload starts. */
  private fail(error: Error): void {
    this.failure = error;
    for (const waiter of this.waiters) waiter.reject(error);
    this.waiters.clear();
  }
}
