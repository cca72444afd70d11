export const SETUP_PREFIX: string;
export const DEFAULT_DATABASE: string;
export type SetupResult = {
  appUrl: string;
  ownerUrl: string;
  demo: { email: string; password: string; org: string };
  apiToken?: string;
};
export function parseSetupLine(line: string): SetupResult;
export function setupEnv(options: {
  env: Record<string, string | undefined>;
  postgres: { adminUrl?: string; appUrl?: string; ownerUrl?: string };
  redisUrl: string;
  secrets: { ownerPassword: string; appPassword: string };
}): Record<string, string | undefined>;
