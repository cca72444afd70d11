import { loadSecrets, parseConfig, type ConnectionVerdict } from "@greenroom/connectors";
import type { IntegrationKind } from "@greenroom/db";
import { z } from "zod";

import { adminProcedure } from "../../trpc";
import { githubCredentialProblems, githubSecrets, ZGithubCredentialFields } from "./github-credentials";
import { findIntegration, inputProblem, testWithConnector } from "./shared";

/**
 * Tests credentials before or after connecting: new ones typed in the form, or the stored ones
 * of an integration. Answers a verdict in words; never echoes the token.
 */
export const testConnectionProcedure = adminProcedure
  .input(
    z.object({
      integrationId: z.uuid().optional(),
      baseUrl: z.string().trim().max(500).optional(),
      githubOrg: z.string().trim().max(100).optional(),
      token: z.string().trim().max(500).optional(),
      authMethod: ZGithubCredentialFields.authMethod.optional(),
      appId: ZGithubCredentialFields.appId,
      privateKey: ZGithubCredentialFields.privateKey,
      installationId: ZGithubCredentialFields.installationId,
    }),
  )
  .mutation(async ({ ctx, input }): Promise<ConnectionVerdict> => {
    let config: Record<string, unknown>;
    let secrets: Record<string, string>;
    let kind: IntegrationKind = "GITHUB";
    if (input.integrationId) {
      const integration = await findIntegration(ctx.db, input.integrationId);
      kind = integration.kind;
      config = integration.config as Record<string, unknown>;
      secrets = { ...(await loadSecrets(ctx.db, integration.id)), ...(input.token ? { token: input.token } : {}) };
    } else {
      const missing = githubCredentialProblems(input)[0];
      if (!input.githubOrg || missing) return { ok: false, problem: input.githubOrg && missing ? `${missing.message} to test.` : "Enter the organization and a token to test." };
      try {
        config = parseConfig("GITHUB", { baseUrl: input.baseUrl || undefined, org: input.githubOrg, authMethod: input.authMethod });
      } catch (error) {
        inputProblem(error);
      }
      secrets = githubSecrets(input);
    }
    return testWithConnector(kind, config, secrets);
  });
