import { adminProcedure } from "../../trpc";

/** Every token of the org, newest first, revoked ones last; never the secret (it is not stored). */
export const listApiTokensProcedure = adminProcedure.query(async ({ ctx }) => {
  const tokens = await ctx.db.apiTokens.list();
  return tokens.map((token) => ({
    id: token.id,
    name: token.name,
    scope: token.scope,
    displayHint: token.displayHint,
    createdAt: token.createdAt,
    lastUsedAt: token.lastUsedAt,
    revokedAt: token.revokedAt,
  }));
});
