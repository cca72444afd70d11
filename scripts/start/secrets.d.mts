export const DEFAULT_DB_PASSWORD: string;
export function ensureDataDir(root: string): string;
export function loadSecrets(
  root: string,
  env?: Record<string, string | undefined>,
): {
  authSecret: string;
  integrationsKey: string;
  ownerPassword: string;
  appPassword: string;
  file: string;
  created: boolean;
};
