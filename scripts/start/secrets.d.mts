export const DEFAULT_DB_PASSWORD: string;
export function ensureDataDir(root: string): string;
export function loadSecrets(
  root: string,
  env?: Record<string, string | undefined>,
  extra?: Record<string, () => string>,
): {
  authSecret: string;
  integrationsKey: string;
  ownerPassword: string;
  appPassword: string;
  values: Record<string, string>;
  file: string;
  created: boolean;
};
