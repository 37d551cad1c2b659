// Installs a package's declared dependencies from this checkout's node_modules, the way npm lays
// them out: each package is copied to the same place relative to `from` as it has here, so node
// resolves the copies exactly as it resolves the originals, and nothing undeclared comes along.
// (An `npm install --omit=dev` would need the registry, or a cache that has every version, and
// takes minutes; this takes seconds and installs the versions the tests ran against.) Files are
// hard links where the file system allows, so the copy must only be read.
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  symlinkSync,
} from "node:fs";
import path from "node:path";
import * as z from "zod";

const manifestSchema = z.object({
  name: z.string(),
  dependencies: z.record(z.string(), z.string()).optional(),
  optionalDependencies: z.record(z.string(), z.string()).optional(),
  peerDependencies: z.record(z.string(), z.string()).optional(),
  peerDependenciesMeta: z.record(z.string(), z.object({ optional: z.boolean().optional() })).optional(),
});

const readManifest = (dir: string) =>
  manifestSchema.parse(JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")));

/** Where node finds `name` from `dir`: the nearest node_modules/<name> up to `top`. */
function locate(name: string, dir: string, top: string): string | null {
  for (let at = dir; ; at = path.dirname(at)) {
    const candidate = path.join(at, "node_modules", name);
    if (existsSync(path.join(candidate, "package.json"))) return candidate;
    if (at === top || path.dirname(at) === at) return null;
  }
}

/**
 * Copies what `manifestDir`'s package.json declares (its dependencies, and what those need in turn:
 * dependencies, installed optional ones and required peers), found from `resolveFrom` as node
 * would find them, from `top`/node_modules into `target`/node_modules. Throws for a dependency that is missing or lives outside node_modules
 * (a workspace link), since a deployed function could not have it either.
 */
export function installDeclaredDependencies(
  manifestDir: string,
  { resolveFrom, top, target }: { resolveFrom: string; top: string; target: string },
): string[] {
  const copied = new Map<string, string>();
  const visit = (dir: string, required: Record<string, boolean>): void => {
    for (const [name, isRequired] of Object.entries(required)) {
      const found = locate(name, dir, top);
      if (found === null) {
        if (isRequired) throw new Error(`${name}, needed from ${dir}, is not installed`);
        continue;
      }
      const real = realpathSync(found);
      if (copied.has(real)) continue;
      const relative = path.relative(top, found);
      if (real !== found || !relative.startsWith(`node_modules${path.sep}`)) {
        throw new Error(`${name} resolves to ${real}, a link outside node_modules`);
      }
      const manifest = readManifest(found);
      copied.set(real, manifest.name);
      linkTree(found, path.join(target, relative));
      visit(found, needs(manifest));
    }
  };
  const own = readManifest(manifestDir);
  visit(resolveFrom, Object.fromEntries(Object.keys(own.dependencies ?? {}).map((name) => [name, true])));
  return [...copied.values()];
}

function needs(manifest: z.infer<typeof manifestSchema>): Record<string, boolean> {
  const optionalPeer = (name: string) => manifest.peerDependenciesMeta?.[name]?.optional === true;
  return {
    ...Object.fromEntries(Object.keys(manifest.peerDependencies ?? {}).map((n) => [n, !optionalPeer(n)])),
    ...Object.fromEntries(Object.keys(manifest.dependencies ?? {}).map((n) => [n, true])),
    // npm lists an optional dependency in both; where the platform has none, it is skipped.
    ...Object.fromEntries(Object.keys(manifest.optionalDependencies ?? {}).map((n) => [n, false])),
  };
}

/** Mirrors a package's files (not its nested node_modules, installed when needed like the rest). */
function linkTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const destination = path.join(to, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "node_modules") linkTree(source, destination);
    } else if (entry.isSymbolicLink()) {
      symlinkSync(readlinkSync(source), destination);
    } else {
      try {
        linkSync(source, destination);
      } catch {
        copyFileSync(source, destination);
      }
    }
  }
}
