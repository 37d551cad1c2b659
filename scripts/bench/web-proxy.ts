import type { Server } from "node:net";
import type { ReadTally } from "./web-read-tally";

/** A proxy in front of the Firestore emulator that tallies the reads passing through it. */
export interface CountingProxy {
  /** host:port to give the client instead of the emulator's. */
  host: string;
  tally: ReadTally;
  /** What could not be decoded: any entry means the counts are not to be trusted. */
  problems: string[];
  close: () => Promise<void>;
}

/** Listens on a free port of 127.0.0.1 and answers host:port. */
export async function listenLocally(server: Server, port = 0): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("The proxy has no TCP address");
  return `127.0.0.1:${address.port}`;
}
