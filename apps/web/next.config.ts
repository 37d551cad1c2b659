import path from "node:path";
import type { NextConfig } from "next";

// The app imports @hearth/domain as TypeScript source from the npm workspace, so
// both bundling (Turbopack) and output tracing must see the repository root.
const repoRoot = path.join(__dirname, "../..");

const nextConfig: NextConfig = {
  transpilePackages: ["@hearth/domain"],
  turbopack: { root: repoRoot },
  outputFileTracingRoot: repoRoot,
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
