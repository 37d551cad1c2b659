// CPU time a process tree has used, from /proc (Linux): the Next.js server's work for a journey,
// which is what App Hosting's Cloud Run instances bill for.
import { readdirSync, readFileSync, readlinkSync } from "node:fs";

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

function stat(pid: number): { ppid: number; ticks: number } | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name, which is in parentheses and may hold spaces.
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
    const [ppid, utime, stime] = [fields[1], fields[11], fields[12]].map(Number);
    if (ppid === undefined || utime === undefined || stime === undefined) return null;
    return { ppid, ticks: utime + stime };
  } catch {
    return null;
  }
}

/** Inodes of the sockets listening on `port` (/proc/net/tcp and tcp6: local address, state 0A). */
function listeningInodes(port: number): Set<string> {
  const inodes = new Set<string>();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    let text = "";
    try {
      text = readFileSync(table, "utf8");
    } catch {
      continue;
    }
    for (const line of text.split("\n").slice(1)) {
      const fields = line.trim().split(/\s+/);
      const [local, state, inode] = [fields[1], fields[3], fields[9]];
      if (local && inode && state === "0A" && parseInt(local.split(":")[1] ?? "", 16) === port)
        inodes.add(inode);
    }
  }
  return inodes;
}

function ownsSocket(pid: number, inodes: Set<string>): boolean {
  try {
    return readdirSync(`/proc/${pid}/fd`).some((fd) => {
      try {
        const target = readlinkSync(`/proc/${pid}/fd/${fd}`);
        return inodes.has(target.slice("socket:[".length, -1));
      } catch {
        return false;
      }
    });
  } catch {
    return false;
  }
}

/**
 * The server listening on `port` (found by its socket: Next.js renames its process, so its command
 * line does not say what it is), with its descendants; null without /proc.
 */
export function serverTree(port: number): number[] | null {
  let all: number[];
  try {
    all = readdirSync("/proc")
      .filter((name) => /^\d+$/.test(name))
      .map(Number);
  } catch {
    return null;
  }
  const inodes = listeningInodes(port);
  const root = all.find((pid) => ownsSocket(pid, inodes));
  if (root === undefined) return null;
  const tree = new Set([root]);
  for (let grew = true; grew;) {
    grew = false;
    for (const pid of all) {
      const parent = stat(pid)?.ppid;
      if (parent !== undefined && tree.has(parent) && !tree.has(pid)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  return [...tree];
}

/** CPU seconds (user + system) the processes have used so far. */
export function cpuSeconds(tree: readonly number[]): number {
  return tree.reduce((total, pid) => total + (stat(pid)?.ticks ?? 0), 0) / TICKS_PER_SECOND;
}
