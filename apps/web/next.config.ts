import path from "node:path";
import { fileURLToPath } from "node:url";

import type { NextConfig } from "next";

const repoRoot = path.join(path.dirname(fileURLToPath(import.meta.url)), "../..");

const config: NextConfig = {
  // scripts/e2e.ts builds into its own directory so concurrent runs never share a build.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  output: "standalone",
  // Trace workspace packages from the monorepo root so the standalone bundle includes them.
  outputFileTracingRoot: repoRoot,
  transpilePackages: ["@greenroom/accounts", "@greenroom/api", "@greenroom/billing", "@greenroom/catalog", "@greenroom/connectors", "@greenroom/db", "@greenroom/operations", "@greenroom/queue", "@greenroom/ui"],
  serverExternalPackages: ["@node-rs/argon2", "pg", "ioredis", "bullmq", "stripe", "@octokit/rest", "@datadog/datadog-api-client"],
  typedRoutes: false,
  poweredByHeader: false,
};

export default config;
