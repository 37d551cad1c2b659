// The invocations functions-meter.mjs logs from inside the Functions emulator's workers, and the
// memory each function is deployed with (the emulator's own list of its functions).
import { readFileSync, writeFileSync } from "node:fs";
import { z } from "zod";
import { env, PROJECT } from "./support";

export interface Invocation {
  fn: string;
  ms: number;
}

const entrySchema = z.object({
  fn: z.string(),
  event: z.enum(["start", "end"]),
  ms: z.number().optional(),
});

export class FunctionsLog {
  constructor(private readonly file: string) {
    writeFileSync(file, "");
  }

  private entries(from: number): z.infer<typeof entrySchema>[] {
    return readFileSync(this.file, "utf8")
      .slice(from)
      .split("\n")
      .filter((line) => line.trim() !== "")
      .map((line) => entrySchema.parse(JSON.parse(line)));
  }

  /** Where the log ends now: pass it to `since` later for what happened in between. */
  mark(): number {
    return readFileSync(this.file, "utf8").length;
  }

  /** Invocations that ended after `mark`, and how many started but have not ended. */
  since(mark: number): { done: Invocation[]; running: number } {
    const entries = this.entries(mark);
    const done = entries.flatMap((entry) =>
      entry.event === "end" && entry.ms !== undefined ? [{ fn: entry.fn, ms: entry.ms }] : [],
    );
    const started = entries.filter((entry) => entry.event === "start").length;
    return { done, running: Math.max(0, started - done.length) };
  }
}

const backendsSchema = z.object({
  backends: z.array(
    z.object({
      functionTriggers: z.array(
        z.object({ entryPoint: z.string(), availableMemoryMb: z.number().optional() }),
      ),
    }),
  ),
});

/** MiB each function is deployed with, by entry point (the Functions emulator's /backends). */
export async function functionMemory(): Promise<Map<string, number>> {
  const hub: unknown = await (await fetch(`http://${env("FIREBASE_EMULATOR_HUB")}/emulators`)).json();
  const functions = z
    .object({ functions: z.object({ host: z.string(), port: z.number() }) })
    .parse(hub).functions;
  const response = await fetch(`http://${functions.host}:${functions.port}/backends`);
  const { backends } = backendsSchema.parse(await response.json());
  const memory = new Map<string, number>();
  for (const trigger of backends.flatMap((backend) => backend.functionTriggers)) {
    memory.set(trigger.entryPoint, trigger.availableMemoryMb ?? 256);
  }
  if (memory.size === 0) throw new Error(`The Functions emulator lists no functions for ${PROJECT}`);
  return memory;
}
