import { readFileSync } from "node:fs";

import { parseConfig, parseSecrets } from "@greenroom/connectors";
import { describe, expect, it } from "vitest";

import { ZDemoIntegrationSpec } from "../seed/demo-integrations-env";
import { demoVendorServices } from "../seed/demo-vendor-services";
import { DEMO_SIMULATORS, demoSecretGenerators } from "./simulators.mjs";

// The demo simulators `pnpm start` runs: every entry names a script the simulators package has,
// and its integration is one the seeder and the connectors accept, so adding PagerDuty or
// Datadog to the list is checked here before anyone runs `pnpm start`.
const scripts = (JSON.parse(readFileSync(new URL("../../packages/simulators/package.json", import.meta.url), "utf8")) as { scripts: Record<string, string> }).scripts;

describe("demo simulators", () => {
  const secrets = Object.fromEntries(Object.entries(demoSecretGenerators()).map(([key, generate]) => [key, generate()]));

  it("have distinct names and ports", () => {
    expect(new Set(DEMO_SIMULATORS.map((simulator) => simulator.name)).size).toBe(DEMO_SIMULATORS.length);
    expect(new Set(DEMO_SIMULATORS.map((simulator) => simulator.port)).size).toBe(DEMO_SIMULATORS.length);
  });

  for (const simulator of DEMO_SIMULATORS) {
    it(`${simulator.name}: runs a simulators script and seeds an integration the connectors accept`, () => {
      expect(scripts[simulator.script]).toBeTruthy();
      expect(simulator.readyPath).toMatch(/^\//);
      const url = `http://127.0.0.1:${simulator.port}`;
      const spec = ZDemoIntegrationSpec.parse({ simulator: simulator.name, ...simulator.integration({ url, secrets }) });
      expect(parseConfig(spec.kind, spec.config)).toMatchObject({ baseUrl: url });
      expect(() => parseSecrets(spec.kind, spec.secrets)).not.toThrow();
      const env = simulator.env({ port: simulator.port, url, appUrl: "http://localhost:3000", secrets, integration: { tenantId: "t", integrationId: "i", services: demoVendorServices(spec.kind) } });
      expect(Object.values(env).every((value) => typeof value === "string" && value.length > 0)).toBe(true);
    });
  }

  it("seeds PagerDuty with the demo components' annotated ids plus a few name-only services, and the demo people", () => {
    const pagerduty = demoVendorServices("PAGERDUTY")!;
    expect(pagerduty.serviceIds!.length).toBeGreaterThan(10);
    expect(pagerduty.serviceIds!.every((id) => /^P[0-9A-Z]{6}$/.test(id))).toBe(true);
    // Names beyond the ids are the components the admin maps by confirming a suggestion.
    expect(pagerduty.serviceNames.length - pagerduty.serviceIds!.length).toBe(4);
    expect(pagerduty.people).toContain("Ada Admin <admin@acme.example>");
    const datadog = demoVendorServices("DATADOG")!;
    expect(new Set(datadog.serviceNames).size).toBe(datadog.serviceNames.length);
    expect(demoVendorServices("GITHUB")).toBeUndefined();
  });
});
