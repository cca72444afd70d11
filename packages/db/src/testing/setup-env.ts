import { inject } from "vitest";

// Runs in each test worker before any test module is imported, so every package's env.ts
// validates against this run's own database and Redis prefix.
Object.assign(process.env, inject("testEnv"));
