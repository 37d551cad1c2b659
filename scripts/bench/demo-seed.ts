// The demo store for the benchmarks that browse it (web, cost): scripts/seed, tried again when an
// upload's keep-alive connection is reset by the Storage emulator mid-seed (it closes idle sockets
// as the client reuses them, now and then on a loaded machine). Seeding is idempotent.
import { seedDemoData } from "../seed/index";

const ATTEMPTS = 3;

export async function seedDemoStore(log: (line: string) => void): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await seedDemoData({ log });
      return;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      if (attempt >= ATTEMPTS || !/ECONNRESET|EPIPE|socket hang up/.test(reason)) throw error;
      log(`seeding again (attempt ${attempt + 1} of ${ATTEMPTS}): ${reason}`);
    }
  }
}
