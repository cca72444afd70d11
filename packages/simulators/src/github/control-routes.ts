import { commonGetOperations, commonPostOperations, createControlRoutes, optionalString as opt, requireString as str, type PostOperation } from "../shared/control-routes";
import type { GithubAuth } from "./auth";
import type { GithubControl } from "./control";
import type { GithubState } from "./state";
import type { Delivery } from "./webhooks";

// GitHub's /_control operations (the shared ones are in ../shared/control-routes.ts): webhooks,
// pushes, repository, team and installation changes (each delivers its webhook), per-token
// budgets, secondary limits, tokens, and what a demo needs to connect.

function summarize(delivery: Delivery) {
  const { payload: _payload, body: _body, ...rest } = delivery;
  return rest;
}

export function createControlHandler(control: GithubControl, state: GithubState, auth: GithubAuth) {
  const post: Record<string, PostOperation> = {
    ...commonPostOperations(control),
    deliver: async (body) => summarize(await control.deliver(str(body, "event"), body.payload)),
    redeliver: async (body) => summarize(await control.redeliver(str(body, "id"))),
    webhook: (body) => control.setWebhook(body.url ? { url: str(body, "url"), secret: str(body, "secret") } : null),
    push: async (body) => {
      const input = Array.isArray(body.files) ? { files: body.files as { path: string; content: string | null }[] } : { path: str(body, "path"), content: (body.content as string | null) ?? null };
      const result = await control.push(str(body, "repo"), input, { message: opt(body, "message"), author: opt(body, "author") });
      return { commit: result.commit, delivery: summarize(result.delivery) };
    },
    "repos/create": async (body) => {
      const result = await control.createRepo(body as never);
      return { id: result.repo.id, name: result.repo.name, delivery: summarize(result.delivery) };
    },
    "repos/archive": async (body) => summarize(await control.archiveRepo(str(body, "repo"), body.archived !== false, { sender: opt(body, "sender") })),
    "repos/rename": async (body) => summarize(await control.renameRepo(str(body, "repo"), str(body, "name"), { sender: opt(body, "sender") })),
    "repos/edit": async (body) => summarize(await control.editRepo(str(body, "repo"), body as never, { sender: opt(body, "sender") })),
    "repos/delete": async (body) => summarize(await control.deleteRepo(str(body, "repo"), { sender: opt(body, "sender") })),
    "members/add": async (body) => summarize(await control.addMember(str(body, "team"), str(body, "login"), body as never)),
    "members/remove": async (body) => summarize(await control.removeMember(str(body, "team"), str(body, "login"), body as never)),
    "installations/create": async (body) => {
      const result = await control.installApp(body as never);
      return { id: result.installation.id, delivery: summarize(result.delivery) };
    },
    "installations/delete": async (body) => summarize(await control.uninstallApp(body.installationId as number | undefined, body as never)),
    "installations/add-repos": async (body) => summarize(await control.addInstallationRepos(body.repos as string[], body as never)),
    "installations/remove-repos": async (body) => summarize(await control.removeInstallationRepos(body.repos as string[], body as never)),
    "rate-limit/remaining": (body) => control.setRemaining(str(body, "token"), (opt(body, "resource") ?? "core") as never, Number(body.remaining)),
    "secondary-limits": (body) => control.setSecondaryLimits(body.enabled === false ? false : body),
    tokens: (body) => control.addToken(str(body, "token")),
    "tokens/remove": (body) => control.removeToken(str(body, "token")),
  };
  const get = {
    ...commonGetOperations(control),
    deliveries: () => control.deliveries().map(summarize),
    // What a demo needs to connect: the app's identity and key, tokens, installations, orgs.
    app: () => ({
      id: auth.app.id,
      slug: auth.app.slug,
      clientId: auth.app.clientId,
      privateKey: auth.privateKey,
      tokens: [...auth.tokens],
      installations: [...state.installations.values()].map((value) => ({ id: value.id, org: value.orgLogin, repositorySelection: value.repositorySelection })),
    }),
    orgs: () => [...state.orgs.values()].map((org) => ({ login: org.login, repos: org.repos.size, teams: org.teams.size, members: org.members.size })),
  };

  return createControlRoutes({ get, post, bodyLimitBytes: 20_000_000 });
}
