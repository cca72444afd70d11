import { randomBytes } from "node:crypto";

import { bootstrapDatabase, dropDatabase } from "@greenroom/db/bootstrap";
import { deployMigrations } from "@greenroom/db/migrate";

import { benchEnv } from "../env";

/** A throwaway database for one benchmark run (or the kept BENCH_DATABASE), migrated, with its URLs in the environment. */
export async function withBenchDatabase<T>(work: (urls: { appUrl: string; ownerUrl: string; adminUrl: string; database: string }) => Promise<T>): Promise<T> {
  const env = benchEnv();
  const database = env.BENCH_DATABASE ?? `greenroom_bench_${randomBytes(4).toString("hex")}`;
  const urls = await bootstrapDatabase({ adminUrl: env.BENCH_DATABASE_ADMIN_URL, database, ownerPassword: "greenroom", appPassword: "greenroom" });
  try {
    await deployMigrations(urls.ownerUrl);
    const adminUrl = new URL(env.BENCH_DATABASE_ADMIN_URL);
    adminUrl.pathname = `/${database}`;
    return await work({ ...urls, adminUrl: adminUrl.toString(), database });
  } finally {
    if (!env.BENCH_KEEP_DATABASE && !env.BENCH_DATABASE) await dropDatabase(env.BENCH_DATABASE_ADMIN_URL, database);
  }
}
