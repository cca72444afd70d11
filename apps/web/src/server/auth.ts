import { authenticate, createRateLimiter, DomainError, type AuthenticatedUser } from "@greenroom/accounts";
import { withGlobal } from "@greenroom/db";
import { queueEnv, sharedRedis } from "@greenroom/queue";
import { getServerSession, type NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";

import { env, githubEnabled } from "~/env";
import type { SessionUser } from "@greenroom/api";

import { requestMeta } from "./request-meta";

declare module "next-auth" {
  interface Session {
    user: { id: string; email: string; name: string; image?: string | null };
  }
}
declare module "next-auth/jwt" {
  interface JWT {
    userId?: string;
  }
}

/** Finds or creates the Greenroom user for a GitHub identity (by GitHub id, then by email). */
async function userForGithub(githubId: string, email: string | null | undefined, name: string, avatarUrl: string | null) {
  return withGlobal(async (db) => {
    const byGithub = await db.users.findByGithubId(githubId);
    if (byGithub) return byGithub;
    if (!email) throw new Error("Your GitHub account has no public, verified email address");
    const normalised = email.toLowerCase();
    const byEmail = await db.users.findByEmail(normalised);
    if (byEmail) return db.users.linkGithub(byEmail.id, githubId, avatarUrl);
    return db.users.create({ email: normalised, name, githubId, avatarUrl });
  });
}

export const authOptions: NextAuthOptions = {
  secret: env.AUTH_SECRET,
  // JWT sessions signed with AUTH_SECRET survive restarts (pnpm start keeps the secret in .data/).
  session: { strategy: "jwt", maxAge: 30 * 24 * 3600 },
  pages: { signIn: "/signin", error: "/signin" },
  providers: [
    CredentialsProvider({
      name: "Email",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, request): Promise<AuthenticatedUser | null> {
        if (!credentials?.email || !credentials.password) return null;
        const headers = new Headers(request.headers as Record<string, string>);
        const limiter = createRateLimiter(sharedRedis(), queueEnv().REDIS_PREFIX);
        try {
          return await authenticate(credentials, limiter, requestMeta(headers).ip);
        } catch (error) {
          // next-auth passes a thrown message to the sign-in page as ?error=<message>.
          if (error instanceof DomainError) throw new Error(error.message, { cause: error });
          throw error;
        }
      },
    }),
    ...(githubEnabled
      ? [GitHubProvider({ clientId: env.GITHUB_ID!, clientSecret: env.GITHUB_SECRET! })]
      : []),
  ],
  callbacks: {
    async jwt({ token, user, account, profile }) {
      if (account?.provider === "github" && profile) {
        const github = profile as { id: number | string; email?: string | null; name?: string | null; login?: string; avatar_url?: string };
        const record = await userForGithub(String(github.id), github.email, github.name ?? github.login ?? "GitHub user", github.avatar_url ?? null);
        token.userId = record.id;
        token.email = record.email;
        token.name = record.name;
      } else if (user) {
        token.userId = user.id;
      }
      return token;
    },
    session({ session, token }) {
      session.user = { id: token.userId ?? "", email: token.email ?? "", name: token.name ?? "", image: token.picture };
      return session;
    },
  },
};

export async function currentUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions);
  if (!session?.user.id) return null;
  return { userId: session.user.id, email: session.user.email, name: session.user.name };
}
