import { bootstrapDatabase } from "@greenroom/db/bootstrap";

import { setupEnv } from "./env";

// Creates roles and database (when given a superuser URL), applies migrations and seeds the demo
// org. Safe to run again. Its last stdout line is machine-readable for scripts/start.mjs.

const env = setupEnv();

async function resolveUrls(): Promise<{ ownerUrl: string; appUrl: string }> {
  if (env.DATABASE_ADMIN_URL) {
    console.log(`Preparing database "${env.GREENROOM_DATABASE}" and its roles…`);
    return bootstrapDatabase({
      adminUrl: env.DATABASE_ADMIN_URL,
      database: env.GREENROOM_DATABASE,
      ownerPassword: env.DATABASE_OWNER_PASSWORD,
      appPassword: env.DATABASE_APP_PASSWORD,
    });
  }
  if (env.DATABASE_OWNER_URL && env.DATABASE_URL) return { ownerUrl: env.DATABASE_OWNER_URL, appUrl: env.DATABASE_URL };
  throw new Error("Set DATABASE_ADMIN_URL (a superuser) or both DATABASE_OWNER_URL and DATABASE_URL.");
}

const urls = await resolveUrls();
const { deployMigrations } = await import("@greenroom/db/migrate");
const applied = await deployMigrations(urls.ownerUrl);
console.log(applied.length ? `Applied migrations: ${applied.join(", ")}` : "Database schema is up to date.");

// The seed talks to the database as the app would: through the app role, under RLS.
process.env.DATABASE_URL = urls.appUrl;
const { seedDemoOrg, issueDemoApiToken, DEMO } = await import("./seed/demo-org");
const { disconnectPrisma } = await import("@greenroom/db");
const { closeSharedRedis } = await import("@greenroom/queue");
const { created, entities } = await seedDemoOrg();
console.log(
  created
    ? `Seeded the demo organization "${DEMO.org.slug}" with ${entities} catalog entities.`
    : `Demo organization "${DEMO.org.slug}" already exists; its ${entities}-entity demo catalog is up to date.`,
);
const apiToken = await issueDemoApiToken();
await disconnectPrisma();
// Catalog writes bump the read cache's generation in Redis; an open connection keeps us alive.
await closeSharedRedis();

console.log(
  `GREENROOM_SETUP ${JSON.stringify({
    appUrl: urls.appUrl,
    ownerUrl: urls.ownerUrl,
    demo: { email: DEMO.owner.email, password: DEMO.owner.password, org: DEMO.org.slug },
    apiToken,
  })}`,
);
