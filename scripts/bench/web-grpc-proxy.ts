// A gRPC proxy in front of the Firestore emulator that counts the documents each call returns and
// writes (firestore-grpc-meters.ts): for `next start`, whose web SDK talks gRPC over cleartext
// HTTP/2 in Node (getDoc and getDocs are Listen streams), and for the functions' Admin SDK. Plain
// HTTP/1.1 connections to the same port (the emulators-only pay page reads over REST) pass through
// uncounted; `unmetered` says how many.
import http2, {
  type ClientHttp2Session,
  type ClientHttp2Stream,
  type IncomingHttpHeaders,
  type OutgoingHttpHeaders,
  type ServerHttp2Stream,
} from "node:http2";
import type { Socket } from "node:net";
import { gunzipSync, inflateSync } from "node:zlib";
import { meterFor } from "./firestore-grpc-meters";
import { listenLocally, protocolSwitch, type CountingProxy } from "./web-proxy";
import { ReadTally } from "./web-read-tally";

const { NGHTTP2_FLAG_END_STREAM, NGHTTP2_INTERNAL_ERROR } = http2.constants;

/** Splits a gRPC byte stream into messages (1-byte compressed flag, 4-byte length, message). */
function frameReader(encoding: () => string | undefined, onMessage: (message: Uint8Array) => void) {
  let pending: Buffer = Buffer.alloc(0);
  return (chunk: Buffer) => {
    pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
    while (pending.length >= 5) {
      const length = pending.readUInt32BE(1);
      if (pending.length < 5 + length) return;
      const body = pending.subarray(5, 5 + length);
      const compressed = pending[0] === 1;
      pending = pending.subarray(5 + length);
      if (!compressed) onMessage(body);
      else if (encoding() === "gzip") onMessage(gunzipSync(body));
      else if (encoding() === "deflate") onMessage(inflateSync(body));
      else throw new Error(`Compressed gRPC message with encoding ${encoding() ?? "none"}`);
    }
  };
}

function copyHeaders(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const copy: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) copy[name] = value;
  return copy;
}

function headerText(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return typeof value === "string" ? value : undefined;
}

function forward(
  down: ServerHttp2Stream,
  headers: IncomingHttpHeaders,
  session: ClientHttp2Session,
  tally: ReadTally,
  problems: string[],
): void {
  const path = headerText(headers, ":path") ?? "";
  const meter = meterFor(path, tally);
  const guarded = (work: () => void) => {
    try {
      work();
    } catch (error) {
      problems.push(`${path}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  let responseEncoding: string | undefined;
  const readRequest = frameReader(
    () => headerText(headers, "grpc-encoding"),
    (message) => meter?.request(message),
  );
  const readResponse = frameReader(
    () => responseEncoding,
    (message) => meter?.response(message),
  );

  let up: ClientHttp2Stream;
  try {
    up = session.request(copyHeaders(headers));
  } catch (error) {
    // The emulator's connection is gone: fail this call the way gRPC clients understand.
    problems.push(`${path}: ${error instanceof Error ? error.message : String(error)}`);
    down.close(NGHTTP2_INTERNAL_ERROR);
    return;
  }
  let trailers: OutgoingHttpHeaders = {};
  let trailersOnly = false;
  /** The answer is complete downstream: closing the stream now could cut off its trailers. */
  let answered = false;
  // Firestore's messages here are small: the proxy forwards chunks as they come, without backpressure.
  down.on("data", (chunk: Buffer) => {
    if (meter) guarded(() => readRequest(chunk));
    up.write(chunk);
  });
  down.on("end", () => up.end());
  up.on("response", (responseHeaders, flags) => {
    responseEncoding = headerText(responseHeaders, "grpc-encoding");
    // A "trailers-only" answer (an error, usually) comes as one HEADERS frame that ends the stream.
    trailersOnly = (flags & NGHTTP2_FLAG_END_STREAM) !== 0;
    answered = trailersOnly;
    if (down.destroyed) return;
    down.respond(
      copyHeaders(responseHeaders),
      trailersOnly ? { endStream: true } : { waitForTrailers: true },
    );
  });
  up.on("data", (chunk: Buffer) => {
    if (meter) guarded(() => readResponse(chunk));
    if (!down.destroyed) down.write(chunk);
  });
  up.on("trailers", (received) => {
    trailers = copyHeaders(received);
  });
  down.on("wantTrailers", () => down.sendTrailers(trailers));
  up.on("end", () => {
    if (answered || down.destroyed) return;
    answered = true;
    down.end();
  });
  up.on("close", () => {
    if (meter) guarded(() => meter.end());
    if (!answered && !down.destroyed) down.close(up.rstCode || NGHTTP2_INTERNAL_ERROR);
  });
  down.on("close", () => {
    if (!up.destroyed) up.close(down.rstCode);
  });
  // A cancelled call resets its stream (the SDK ends an idle Listen stream so): not a failure.
  up.on("error", () => undefined);
  down.on("error", () => undefined);
}

export async function startGrpcProxy(upstream: string, port = 0): Promise<CountingProxy> {
  const tally = new ReadTally();
  const problems: string[] = [];
  let unmetered = 0;
  const h2 = http2.createServer();
  const sessions = new Set<{ destroy: () => void }>();
  h2.on("session", (down) => {
    const up = http2.connect(`http://${upstream}`);
    sessions.add(down).add(up);
    up.on("error", (error) => problems.push(`upstream session: ${error.message}`));
    down.on("error", () => undefined);
    down.on("close", () => up.close());
    up.on("close", () => {
      if (!down.closed) down.close();
    });
    down.on("stream", (stream, headers) => forward(stream, headers, up, tally, problems));
  });
  const sockets = new Set<Socket>();
  const server = protocolSwitch(await listenLocally(h2), upstream, sockets, () => unmetered++);
  return {
    host: await listenLocally(server, port),
    tally,
    problems,
    unmetered: () => unmetered,
    close: async () => {
      // The SDK keeps its connection open; close() alone would wait for it.
      for (const session of sessions) session.destroy();
      for (const socket of sockets) socket.destroy();
      await Promise.all([h2, server].map((s) => new Promise((resolve) => s.close(resolve))));
    },
  };
}
