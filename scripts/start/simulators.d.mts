export type DemoSimulatorContext = {
  port: number;
  url: string;
  appUrl: string;
  secrets: Record<string, string>;
  /** What scripts/seed-integrations.ts returned for it: ids, and the demo services to seed a vendor with. */
  integration: {
    tenantId: string;
    integrationId: string;
    services?: { serviceNames: string[]; serviceIds?: string[]; people?: string[] };
  };
};
export type DemoSimulator = {
  name: string;
  title: string;
  script: string;
  port: number;
  readyPath: string;
  secrets?: Record<string, () => string>;
  env: (context: DemoSimulatorContext) => Record<string, string>;
  integration: (context: { url: string; secrets: Record<string, string> }) => {
    kind: "GITHUB" | "PAGERDUTY" | "DATADOG";
    name: string;
    config: Record<string, unknown>;
    secrets: Record<string, string>;
    intervalMinutes?: number;
  };
  describe: (context: { url: string; port: number }) => string;
};
export const DEMO_SIMULATORS: DemoSimulator[];
export function demoSecretGenerators(simulators?: DemoSimulator[]): Record<string, () => string>;
export function startDemoSimulators(options: {
  root: string;
  supervisor: unknown;
  env: Record<string, string | undefined>;
  secrets: Record<string, string>;
  appUrl: string;
  shouldStop?: () => boolean;
  simulators?: DemoSimulator[];
}): Promise<{ rows: [string, string][] }>;
