import { demoIntegrationsEnv } from "./seed/demo-integrations-env";

// Connects the demo org to the demo simulators `pnpm start` runs (scripts/start/simulators.mjs
// passes their integrations as GREENROOM_DEMO_INTEGRATIONS). Safe to run again. Its last stdout
// line is `GREENROOM_DEMO_INTEGRATIONS {json}`: per simulator, the tenant and integration ids
// (the simulator's webhook URL needs them) and, for PagerDuty and Datadog, the services to seed
// it with (drawn from the demo catalog).

const { GREENROOM_DEMO_INTEGRATIONS: specs } = demoIntegrationsEnv();
const { seedDemoIntegration } = await import("./seed/demo-integrations");
const { demoVendorServices } = await import("./seed/demo-vendor-services");
const { closeIntegrationQueue } = await import("@greenroom/connectors");
const { closeSharedRedis } = await import("@greenroom/queue");
const { disconnectPrisma } = await import("@greenroom/db");

const result: Record<string, Awaited<ReturnType<typeof seedDemoIntegration>> & { services?: ReturnType<typeof demoVendorServices> }> = {};
try {
  for (const spec of specs) {
    const seeded = await seedDemoIntegration(spec);
    result[spec.simulator] = { ...seeded, services: demoVendorServices(spec.kind) };
    console.log(
      seeded.created
        ? `Connected the demo org to the ${spec.simulator} simulator ("${spec.name}"); its first sync is queued.`
        : `The demo org's "${spec.name}" integration exists${seeded.repointed ? "; pointed it at the simulator again" : ""}.`,
    );
  }
} finally {
  await closeIntegrationQueue();
  await closeSharedRedis();
  await disconnectPrisma();
}
console.log(`GREENROOM_DEMO_INTEGRATIONS ${JSON.stringify(result)}`);
