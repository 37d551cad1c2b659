// Preloaded into firebase-tools (NODE_OPTIONS=--import, set by firebase.mjs). firebase-tools reads
// the Storage rules runtime's answers one stdout 'data' event at a time and parses each event as one
// JSON document: when two answers arrive in one chunk, or one answer in two, they are dropped and
// their requests hang (a product image that never loads). This hands its reader one whole line per
// event, for the rules runtime's process only.
// The default export is the module object that cross-spawn (firebase-tools) calls spawn on.
import childProcess from "node:child_process";

const RUNTIME_JAR = "cloud-storage-rules-runtime";
const spawn = childProcess.spawn;

childProcess.spawn = function spawnWithLineReader(command, args, ...rest) {
  const child = spawn.call(this, command, args, ...rest);
  const isRulesRuntime = Array.isArray(args) && args.some((arg) => String(arg).includes(RUNTIME_JAR));
  if (isRulesRuntime && child.stdout) deliverLines(child.stdout);
  return child;
};

function deliverLines(stream) {
  const on = stream.on;
  stream.on = stream.addListener = function onLines(event, listener) {
    if (event !== "data") return on.call(this, event, listener);
    let pending = "";
    return on.call(this, "data", (chunk) => {
      pending += chunk.toString("utf8");
      let end;
      while ((end = pending.indexOf("\n")) >= 0) {
        const line = pending.slice(0, end + 1);
        pending = pending.slice(end + 1);
        if (line.trim() !== "") listener(Buffer.from(line, "utf8"));
      }
    });
  };
}
