import path from "node:path";
import type { NextConfig } from "next";

// The app imports workspace packages (@hearth/domain, @hearth/stripe-events) as TypeScript source,
// so both bundling (Turbopack) and output tracing must see the repository root.
const repoRoot = path.join(__dirname, "../..");

const nextConfig: NextConfig = {
  // NEXT_DIST_DIR lets two builds (e.g. tests on other emulator ports) live side by side.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  transpilePackages: ["@hearth/domain", "@hearth/stripe-events"],
  turbopack: { root: repoRoot },
  outputFileTracingRoot: repoRoot,
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
