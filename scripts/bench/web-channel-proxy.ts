// An HTTP/1.1 proxy between the browser and the Firestore emulator that counts the documents in
// its answers and the writes in its requests. The browser's SDK reads over WebChannel
// (Listen/channel, a long-lived streamed JSON answer) or REST (runQuery, batchGet, get), all JSON:
// every document in them is an object that starts with its full resource name, which nothing else
// in these answers does. It writes over WebChannel (Write/channel) or REST (commit, for
// transactions): each Write is `update` (a Document, name first), `delete` (a name) or `transform`.
import http from "node:http";
import { StringDecoder } from "node:string_decoder";
import { listenLocally, type CountingProxy } from "./web-proxy";
import { ReadTally } from "./web-read-tally";

/** `"name": "projects/p/databases/d/documents/…"`: a Document, wherever the answer nests it. */
const DOCUMENT = /"name"\s*:\s*"projects\/[^"/]+\/databases\/[^"/]+\/documents\//g;
/** Longer than any DOCUMENT match, so one split across two chunks is still found once. */
const OVERLAP = 300;

/** Counts documents in a streamed text, chunk by chunk. */
function documentCounter(): (text: string) => number {
  let pending = "";
  return (text) => {
    const all = pending + text;
    let count = 0;
    let consumed = 0;
    for (const match of all.matchAll(DOCUMENT)) {
      count++;
      consumed = match.index + match[0].length;
    }
    pending = all.slice(Math.max(consumed, all.length - OVERLAP));
    return count;
  };
}

/** Queries asked for in a request body: Listen targets, or one per REST query or look-up. */
function queriesIn(path: string, body: string): number {
  if (path.includes("/Listen/channel")) return body.split("addTarget").length - 1;
  if (/:runQuery|:batchGet|:runAggregationQuery/.test(path)) return 1;
  return 0;
}

const UPDATE = /"update"\s*:\s*\{\s*"name"\s*:\s*"projects\//g;
const DELETE = /"delete"\s*:\s*"projects\//g;
const TRANSFORM = /"transform"\s*:\s*\{\s*"document"/g;

/** Writes and deletes asked for in a request body (Write/channel, commit, batchWrite). */
function writesIn(path: string, body: string): { writes: number; deletes: number } {
  if (!/\/Write\/channel|:commit|:batchWrite/.test(path)) return { writes: 0, deletes: 0 };
  const count = (pattern: RegExp) => [...body.matchAll(pattern)].length;
  return { writes: count(UPDATE) + count(TRANSFORM), deletes: count(DELETE) };
}

function decodeForm(body: string): string {
  try {
    return decodeURIComponent(body.replaceAll("+", " "));
  } catch {
    return body;
  }
}

/**
 * `observe` sees each request's path and decoded body, for callers that derive more from them
 * (e.g. the reads a security rule's get() makes).
 */
export async function startChannelProxy(
  upstream: string,
  port = 0,
  observe?: (path: string, body: string) => void,
): Promise<CountingProxy> {
  const tally = new ReadTally();
  const problems: string[] = [];
  let cutOff = 0;
  const separator = upstream.lastIndexOf(":");
  const [hostname, upstreamPort] = [upstream.slice(0, separator), Number(upstream.slice(separator + 1))];
  const server = http.createServer((request, response) => {
    const path = request.url ?? "/";
    const headers = { ...request.headers, host: upstream };
    // Plain answers, so the proxy can read them; this traffic is not what the benchmark sizes.
    delete headers["accept-encoding"];
    delete headers["connection"];
    let [answered, abandoned] = [false, false];
    const up = http.request(
      // A connection per request: with Node's keep-alive agent, a request sent on a socket the
      // emulator is just closing fails ("socket hang up"), and the browser sees an error.
      { hostname, port: upstreamPort, method: request.method, path, headers, agent: false },
      (answer) => {
        answered = true;
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        const decoder = new StringDecoder("utf8");
        const count = documentCounter();
        answer.on("data", (chunk: Buffer) => {
          for (let found = count(decoder.write(chunk)); found > 0; found--) tally.document();
          response.write(chunk);
        });
        answer.on("end", () => response.end());
      },
    );
    up.on("error", (error) => {
      // Cut off before any answer (the browser left the page, or the emulator ended the channel):
      // no document came back to count. Cut off mid-answer: the count may be short.
      if (answered && !abandoned) problems.push(`${path}: ${error.message}`);
      else cutOff++;
      response.destroy();
    });
    let body = "";
    request.on("data", (chunk: Buffer) => {
      body += chunk.toString("utf8");
      up.write(chunk);
    });
    request.on("end", () => {
      const decoded = decodeForm(body);
      for (let asked = queriesIn(path, decoded); asked > 0; asked--) tally.query();
      const { writes, deletes } = writesIn(path, decoded);
      for (let i = 0; i < writes; i++) tally.write();
      for (let i = 0; i < deletes; i++) tally.delete();
      observe?.(path, decoded);
      up.end();
    });
    // A long poll the browser gives up on (or a closed page) ends the upstream request too.
    response.on("close", () => {
      abandoned = !response.writableFinished;
      up.destroy();
    });
  });
  return {
    host: await listenLocally(server, port),
    tally,
    problems,
    cutOff: () => cutOff,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
