import { createEnv } from "@t3-oss/env-nextjs";
import { z } from "zod";

export const env = createEnv({
  server: {
    AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters (pnpm start generates one)"),
    APP_URL: z.url().default("http://localhost:3000"),
    // GitHub OAuth sign-in appears only when both are set.
    GITHUB_ID: z.string().min(1).optional(),
    GITHUB_SECRET: z.string().min(1).optional(),
    // Trust X-Forwarded-For only behind a proxy we run (k8s ingress, compose).
    TRUST_PROXY: z.stringbool().default(true),
  },
  client: {},
  experimental__runtimeEnv: {},
  emptyStringAsUndefined: true,
  // `next build` renders no request, so it may run without secrets.
  skipValidation: process.env.SKIP_ENV_VALIDATION === "1",
});

export const githubEnabled = Boolean(env.GITHUB_ID && env.GITHUB_SECRET);
