import { checkBaseUrl, CONNECTORS, guardedFetch, loadSecrets, networkPolicyFromEnv, parseConfig, type ConnectionVerdict } from "@greenroom/connectors";
import { z } from "zod";

import { adminProcedure } from "../../trpc";
import { findIntegration, inputProblem } from "./shared";

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
    }),
  )
  .mutation(async ({ ctx, input }): Promise<ConnectionVerdict> => {
    let config: Record<string, unknown>;
    let secrets: Record<string, string>;
    if (input.integrationId) {
      const integration = await findIntegration(ctx.db, input.integrationId);
      config = integration.config as Record<string, unknown>;
      secrets = { ...(await loadSecrets(ctx.db, integration.id)), ...(input.token ? { token: input.token } : {}) };
    } else {
      if (!input.githubOrg || !input.token) return { ok: false, problem: "Enter the organization and a token to test." };
      try {
        config = parseConfig("GITHUB", { baseUrl: input.baseUrl || undefined, org: input.githubOrg });
      } catch (error) {
        inputProblem(error);
      }
      secrets = { token: input.token };
    }
    try {
      await checkBaseUrl(config);
    } catch (error) {
      return { ok: false, problem: (error as Error).message };
    }
    return CONNECTORS.GITHUB!.testConnection({ config, secrets, fetch: guardedFetch(networkPolicyFromEnv()) });
  });
