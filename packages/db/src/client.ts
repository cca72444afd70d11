import { PrismaPg } from "@prisma/adapter-pg";

import { dbEnv } from "./env";
import { PrismaClient } from "./generated/prisma/client";
import { closeTenantReads } from "./tenant-reads";

export type { PrismaClient };

export function createPrismaClient(connectionString: string, poolMax = 10): PrismaClient {
  // Prisma 7 took pg's pool defaults (no connect timeout); a request must fail fast instead.
  const adapter = new PrismaPg({
    connectionString,
    max: poolMax,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 300_000,
  });
  return new PrismaClient({ adapter });
}

const globalForPrisma = globalThis as unknown as { greenroomPrisma?: PrismaClient };

/** One client per process (Next.js dev reloads modules; the pool must survive that). */
export function prisma(): PrismaClient {
  if (!globalForPrisma.greenroomPrisma) {
    const env = dbEnv();
    globalForPrisma.greenroomPrisma = createPrismaClient(env.DATABASE_URL, env.DATABASE_POOL_MAX);
  }
  return globalForPrisma.greenroomPrisma;
}

export async function disconnectPrisma(): Promise<void> {
  await globalForPrisma.greenroomPrisma?.$disconnect();
  globalForPrisma.greenroomPrisma = undefined;
  await closeTenantReads();
}
