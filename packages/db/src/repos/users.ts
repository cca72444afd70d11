import type { Tx } from "../tx";

export type UserRecord = {
  id: string;
  email: string;
  name: string;
  passwordHash: string | null;
  githubId: string | null;
  avatarUrl: string | null;
};

const userSelect = { id: true, email: true, name: true, passwordHash: true, githubId: true, avatarUrl: true } as const;

/** The global user directory. Emails are stored lower-cased; callers normalise before lookup. */
export function usersRepo(tx: Tx) {
  return {
    findByEmail: (email: string): Promise<UserRecord | null> =>
      tx.user.findUnique({ where: { email }, select: userSelect }),
    findById: (id: string): Promise<UserRecord | null> => tx.user.findUnique({ where: { id }, select: userSelect }),
    findByGithubId: (githubId: string): Promise<UserRecord | null> =>
      tx.user.findUnique({ where: { githubId }, select: userSelect }),
    create: (data: { email: string; name: string; passwordHash?: string | null; githubId?: string | null; avatarUrl?: string | null }) =>
      tx.user.create({ data, select: userSelect }),
    linkGithub: (id: string, githubId: string, avatarUrl: string | null) =>
      tx.user.update({ where: { id }, data: { githubId, avatarUrl }, select: userSelect }),
  };
}
