import type { IncomingMessage, ServerResponse } from "node:http";
import { readBody, sendJson } from "../http";
import type { GithubAuth } from "./auth";
import type { GithubControl } from "./control";
import type { GithubState } from "./state";
import type { Delivery } from "./webhooks";

// The control API over HTTP (/_control/...), for a simulator running in its own process (the
// demo's `pnpm start`, a browser test): the same operations as `simulator.control`, JSON in and
// out. Loopback only, like the simulator itself; it is a test fixture, not a product surface.

type Body = Record<string, unknown>;
type Handler = (body: Body) => unknown;

function summarize(delivery: Delivery) {
  const { payload: _payload, body: _body, ...rest } = delivery;
  return rest;
}

const str = (body: Body, key: string): string => {
  const value = body[key];
  if (typeof value !== "string" || value === "") throw new Error(`"${key}" is required`);
  return value;
};
const opt = (body: Body, key: string): string | undefined => (typeof body[key] === "string" ? (body[key] as string) : undefined);

export function createControlHandler(control: GithubControl, state: GithubState, auth: GithubAuth) {
  const post: Record<string, Handler> = {
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
    faults: (body) => control.setFaults(body),
    "faults/fail-next": (body) => control.failNext({ ...body, path: typeof body.pattern === "string" ? new RegExp(body.pattern) : (body.path as string | undefined) }),
    "faults/clear": () => control.clearFaults(),
    "rate-limit": (body) => control.setRateLimit(body),
    "rate-limit/remaining": (body) => control.setRemaining(str(body, "token"), (opt(body, "resource") ?? "core") as never, Number(body.remaining)),
    "rate-limit/reset": () => control.resetRateLimits(),
    "secondary-limits": (body) => control.setSecondaryLimits(body.enabled === false ? false : body),
    clock: (body) => control.advanceClock(Number(body.seconds)),
    tokens: (body) => control.addToken(str(body, "token")),
    "tokens/remove": (body) => control.removeToken(str(body, "token")),
    reseed: (body) => control.reseed(body),
    "stats/reset": () => control.resetStats(),
  };
  const get: Record<string, () => unknown> = {
    deliveries: () => control.deliveries().map(summarize),
    stats: () => control.stats(),
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

  return async (req: IncomingMessage, res: ServerResponse, path: string): Promise<void> => {
    const name = path.replace(/^\/_control\/?/, "").replace(/\/$/, "");
    try {
      if (req.method === "GET" && get[name]) return sendJson(res, 200, get[name]());
      if (req.method === "POST" && post[name]) {
        const raw = await readBody(req, 20_000_000);
        const result = await post[name](raw ? (JSON.parse(raw) as Body) : {});
        return sendJson(res, 200, result ?? { ok: true });
      }
      sendJson(res, 404, { message: `no control operation ${req.method} /_control/${name}`, operations: { get: Object.keys(get), post: Object.keys(post) } });
    } catch (error) {
      sendJson(res, 400, { message: error instanceof Error ? error.message : String(error) });
    }
  };
}
