// An HTTP/1.1 proxy between the browser and the Firestore emulator that counts the documents in
// its answers. The browser's SDK reads over WebChannel (Listen/channel, a long-lived streamed
// JSON answer) or REST (runQuery, batchGet, get), all JSON: every document in them is an object
// that starts with its full resource name, which nothing else in these answers does.
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

function decodeForm(body: string): string {
  try {
    return decodeURIComponent(body.replaceAll("+", " "));
  } catch {
    return body;
  }
}

export async function startChannelProxy(upstream: string, port = 0): Promise<CountingProxy> {
  const tally = new ReadTally();
  const problems: string[] = [];
  const separator = upstream.lastIndexOf(":");
  const [hostname, upstreamPort] = [upstream.slice(0, separator), Number(upstream.slice(separator + 1))];
  const server = http.createServer((request, response) => {
    const path = request.url ?? "/";
    const headers = { ...request.headers, host: upstream };
    // Plain answers, so the proxy can read them; this traffic is not what the benchmark sizes.
    delete headers["accept-encoding"];
    const up = http.request(
      { hostname, port: upstreamPort, method: request.method, path, headers },
      (answer) => {
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
      problems.push(`${path}: ${error.message}`);
      response.destroy();
    });
    let body = "";
    request.on("data", (chunk: Buffer) => {
      body += chunk.toString("utf8");
      up.write(chunk);
    });
    request.on("end", () => {
      for (let asked = queriesIn(path, decodeForm(body)); asked > 0; asked--) tally.query();
      up.end();
    });
    // A long poll the browser gives up on (or a closed page) ends the upstream request too.
    response.on("close", () => up.destroy());
  });
  return {
    host: await listenLocally(server, port),
    tally,
    problems,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
