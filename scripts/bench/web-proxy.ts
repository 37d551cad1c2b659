import net, { type Server } from "node:net";
import type { ReadTally } from "./web-read-tally";

/** A proxy in front of the Firestore emulator that tallies the operations passing through it. */
export interface CountingProxy {
  /** host:port to give the client instead of the emulator's. */
  host: string;
  tally: ReadTally;
  /** What could not be decoded: any entry means the counts are not to be trusted. */
  problems: string[];
  /** Connections forwarded without being counted, when the proxy has such a lane. */
  unmetered?: () => number;
  /** Requests that failed before any answer came back (so nothing was counted from them). */
  cutOff?: () => number;
  close: () => Promise<void>;
}

/** Listens on 127.0.0.1 (a free port unless one is given) and answers host:port. */
export async function listenLocally(server: Server, port = 0): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("The proxy has no TCP address");
  return `127.0.0.1:${address.port}`;
}

/** The start of the HTTP/2 connection preface a cleartext (prior-knowledge) client sends first. */
const H2_PREFACE = Buffer.from("PRI * HTTP/2.0");

/**
 * One port for two kinds of client: a connection that opens with the HTTP/2 preface is relayed to
 * `h2` (host:port), any other to `h1`. A relay, not a hand-over of the socket: an HTTP/2 server
 * reads its socket natively and would lose the bytes already read to tell the two apart.
 * `sockets` collects both ends of every relay, for closing.
 */
export function protocolSwitch(h2: string, h1: string, sockets: Set<net.Socket>, onH1?: () => void): Server {
  const endpoint = (host: string) => ({
    host: host.slice(0, host.lastIndexOf(":")),
    port: Number(host.slice(host.lastIndexOf(":") + 1)),
  });
  return net.createServer((socket) => {
    sockets.add(socket);
    socket.on("error", () => undefined);
    socket.once("close", () => sockets.delete(socket));
    socket.once("data", (first: Buffer) => {
      const length = Math.min(first.length, H2_PREFACE.length);
      const isH2 = first.subarray(0, length).equals(H2_PREFACE.subarray(0, length));
      if (!isH2) onH1?.();
      const upstream = net.connect(endpoint(isH2 ? h2 : h1));
      sockets.add(upstream);
      upstream.once("close", () => {
        sockets.delete(upstream);
        socket.destroy();
      });
      upstream.on("error", () => socket.destroy());
      socket.once("close", () => upstream.destroy());
      upstream.write(first);
      socket.pipe(upstream);
      upstream.pipe(socket);
    });
  });
}
