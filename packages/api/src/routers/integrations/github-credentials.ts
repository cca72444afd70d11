import { z } from "zod";

// How GitHub credentials arrive from the setup form: a fine-grained token, or a GitHub App
// (its id, its private key and, optionally, the installation id; without one the connector
// finds the App's installation on the organization).

export type GithubAuthMethod = "token" | "app";

export const ZGithubCredentialFields = {
  authMethod: z.enum(["token", "app"]).default("token"),
  token: z.string().trim().max(500).optional(),
  appId: z.string().trim().max(20).optional(),
  privateKey: z.string().trim().max(10_000).optional(),
  installationId: z.string().trim().max(20).optional(),
};

type CredentialInput = { authMethod?: GithubAuthMethod; token?: string; appId?: string; privateKey?: string; installationId?: string };

const PEM = /^-----BEGIN (RSA )?PRIVATE KEY-----[\s\S]+-----END (RSA )?PRIVATE KEY-----$/;

/** What is missing or malformed for the chosen method, by field, in words. */
export function githubCredentialProblems(input: CredentialInput): { field: keyof CredentialInput; message: string }[] {
  if ((input.authMethod ?? "token") === "token") return input.token ? [] : [{ field: "token", message: "Paste a fine-grained token" }];
  const problems: { field: keyof CredentialInput; message: string }[] = [];
  if (!input.appId) problems.push({ field: "appId", message: "Enter the App ID" });
  else if (!/^\d{1,12}$/.test(input.appId)) problems.push({ field: "appId", message: "The App ID is a number (App settings → About)" });
  if (!input.privateKey) problems.push({ field: "privateKey", message: "Paste the App's private key (the .pem file GitHub generated)" });
  else if (!PEM.test(input.privateKey)) problems.push({ field: "privateKey", message: "Paste the whole .pem file, from -----BEGIN to -----END" });
  if (input.installationId && !/^\d{1,15}$/.test(input.installationId)) problems.push({ field: "installationId", message: "The installation ID is a number, or leave it empty" });
  return problems;
}

export function requireGithubCredentials(input: CredentialInput, context: z.RefinementCtx): void {
  for (const problem of githubCredentialProblems(input)) context.addIssue({ code: "custom", path: [problem.field], message: problem.message });
}

/** The secrets to seal for the chosen method (only that method's fields). */
export function githubSecrets(input: CredentialInput): Record<string, string> {
  if ((input.authMethod ?? "token") === "token") return input.token ? { token: input.token } : {};
  return {
    ...(input.appId ? { appId: input.appId } : {}),
    ...(input.privateKey ? { privateKey: input.privateKey } : {}),
    ...(input.installationId ? { installationId: input.installationId } : {}),
  };
}

/**
 * New secrets for an update: the stored ones, with the fields typed in replaced. Switching the
 * method drops the old method's credentials (a token and an App never live side by side).
 */
export function updatedGithubSecrets(current: Record<string, string>, input: CredentialInput & { webhookSecret?: string }, from: GithubAuthMethod): Record<string, string> {
  const method = input.authMethod ?? from;
  const kept = method === from ? githubSecrets({ ...current, authMethod: method }) : {};
  const webhookSecret = input.webhookSecret ?? current.webhookSecret;
  return { ...kept, ...githubSecrets({ ...input, authMethod: method }), ...(webhookSecret ? { webhookSecret } : {}) };
}
