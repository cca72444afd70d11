export type Found = {
  ok: true;
  description: string;
  stop?: () => Promise<void>;
  emergencyStop?: () => void;
  [key: string]: unknown;
};
export type Missing = { ok: false; reason: string };
export type Probe = () => Promise<Found | Missing>;
export type Step = { source: string; label: string; probe: Probe };
export type Tried = { source: string; label: string; reason: string };
export type Discovery =
  (Found & { source: string; tried: Tried[] }) | { ok: false; tried: Tried[] };
export type Probes = {
  defaultPort: Probe;
  localBinaries: Probe;
  compose: Probe;
};

export function firstFound(steps: Step[]): Promise<Discovery>;
export function discoverPostgres(options: {
  env: Record<string, string | undefined>;
  probes: Probes;
}): Promise<Discovery>;
export function discoverRedis(options: {
  env: Record<string, string | undefined>;
  probes: Probes;
}): Promise<Discovery>;
export function installMessage(missing: {
  postgres?: { tried: Tried[] };
  redis?: { tried: Tried[] };
}): string;
