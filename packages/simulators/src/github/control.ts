import type { GithubAuth } from "./auth";
import type { Faults, FaultOptions, ScriptedFault } from "./faults";
import type { GithubInstallation, GithubOrg, GithubRepo, GithubUser, TeamRole } from "./model";
import type { PrimaryLimits, RateLimitOptions, Resource, SecondaryLimitOptions, SecondaryLimits } from "./rate-limits";
import type { ShapeContext } from "./rest-shapes";
import { seedGithubOrg, type SeedGithubOrgOptions } from "./seed";
import type { CommitResult, FileChange, GithubState, NewRepo } from "./state";
import type { GithubStats, StatsRecorder } from "./stats";
import {
  installationPayload,
  installationRepositoriesPayload,
  membershipPayload,
  pushPayload,
  repositoryPayload,
  type PayloadContext,
  type RepositoryAction,
} from "./webhook-payloads";
import type { Delivery, WebhookSender, WebhookTarget } from "./webhooks";

// What a test, the benchmark or the demo UI does to the simulated GitHub: change repositories,
// teams and installations (each change also delivers the webhook GitHub would send), inject
// faults, and steer rate limits and the clock. Repositories are named "org/name" or, with one
// org, just "name".

export type ControlDeps = {
  state: GithubState;
  auth: GithubAuth;
  limits: PrimaryLimits;
  secondary: SecondaryLimits;
  faults: Faults;
  webhooks: WebhookSender;
  stats: StatsRecorder;
  shapes: () => ShapeContext;
};

export type PushInput = { path: string; content: string | null } | { files: FileChange[] };
export type ActorOptions = { org?: string; sender?: string };

export function createControl(deps: ControlDeps) {
  const { state, auth, webhooks } = deps;

  const payloadContext = (org: GithubOrg): PayloadContext => ({ shapes: deps.shapes(), app: auth.app, installation: state.installationFor(org) });
  /** Events are "sent" by an org admin unless the caller names someone. */
  const senderFor = (org: GithubOrg, login?: string): GithubUser => {
    const chosen = login ? state.user(login) : undefined;
    if (chosen) return chosen;
    const admin = [...org.members].find(([, role]) => role === "admin")?.[0] ?? [...org.members.keys()][0];
    const user = admin ? state.user(admin) : undefined;
    if (!user) throw new Error(`organization ${org.login} has no members to send events as`);
    return user;
  };
  const repoEvent = async (org: GithubOrg, repo: GithubRepo, action: RepositoryAction, sender?: string, changes?: Record<string, unknown>) =>
    webhooks.deliver("repository", repositoryPayload(payloadContext(org), org, repo, action, senderFor(org, sender), changes));
  const installationOf = (id?: number, org?: string): GithubInstallation => {
    if (id !== undefined) return state.installation(id);
    const found = state.installationFor(state.resolveOrg(org));
    if (!found) throw new Error("the organization has no app installation");
    return found;
  };

  return {
    /** Sends any payload as event `event` to the configured webhook target. */
    deliver: (event: string, payload: unknown): Promise<Delivery> => webhooks.deliver(event, payload),
    redeliver: (id: string): Promise<Delivery> => webhooks.redeliver(id),
    deliveries: (): Delivery[] => webhooks.deliveries(),
    setWebhook(target: WebhookTarget | null): void {
      webhooks.target = target;
    },

    /** Commits file changes to the default branch (new head sha) and delivers `push`. */
    async push(repoRef: string, input: PushInput, options: { message?: string; author?: string } = {}): Promise<{ commit: CommitResult; delivery: Delivery }> {
      const { org, repo } = state.resolveRepo(repoRef);
      const files = "files" in input ? input.files : [input];
      const message = options.message ?? `Update ${files.map((file) => file.path).join(", ")}`;
      const commit = state.commit(repo, files, message);
      const author = senderFor(org, options.author);
      const delivery = await webhooks.deliver("push", pushPayload(payloadContext(org), org, repo, commit, message, author));
      return { commit, delivery };
    },

    async createRepo(input: NewRepo & ActorOptions & { ownerTeam?: string }): Promise<{ repo: GithubRepo; delivery: Delivery }> {
      const org = state.resolveOrg(input.org);
      const repo = state.createRepo(org, input);
      if (input.ownerTeam) state.team(org, input.ownerTeam).repos.set(repo.name, "admin");
      return { repo, delivery: await repoEvent(org, repo, "created", input.sender) };
    },
    async archiveRepo(repoRef: string, archived = true, options: ActorOptions = {}): Promise<Delivery> {
      const { org, repo } = state.resolveRepo(repoRef);
      state.updateRepo(repo, { archived });
      return repoEvent(org, repo, archived ? "archived" : "unarchived", options.sender);
    },
    async renameRepo(repoRef: string, newName: string, options: ActorOptions = {}): Promise<Delivery> {
      const { org, repo } = state.resolveRepo(repoRef);
      const from = state.renameRepo(org, repo, newName);
      return repoEvent(org, repo, "renamed", options.sender, { repository: { name: { from } } });
    },
    async editRepo(repoRef: string, patch: { description?: string | null; topics?: string[]; homepage?: string | null; visibility?: GithubRepo["visibility"] }, options: ActorOptions = {}): Promise<Delivery> {
      const { org, repo } = state.resolveRepo(repoRef);
      const before = { description: repo.description, homepage: repo.homepage, topics: repo.topics, visibility: repo.visibility };
      state.updateRepo(repo, patch);
      if (patch.visibility && patch.visibility !== before.visibility && (patch.visibility === "public" || before.visibility === "public")) {
        return repoEvent(org, repo, patch.visibility === "public" ? "publicized" : "privatized", options.sender);
      }
      const changes = Object.fromEntries(
        (["description", "homepage", "topics"] as const).filter((key) => key in patch).map((key) => [key, { from: before[key] }]),
      );
      return repoEvent(org, repo, "edited", options.sender, changes);
    },
    async deleteRepo(repoRef: string, options: ActorOptions = {}): Promise<Delivery> {
      const { org, repo } = state.resolveRepo(repoRef);
      const payload = repositoryPayload(payloadContext(org), org, repo, "deleted", senderFor(org, options.sender));
      state.deleteRepo(org, repo);
      return webhooks.deliver("repository", payload);
    },

    /** Adds `login` to a team (creating the person if new) and delivers membership.added. */
    async addMember(teamSlug: string, login: string, options: ActorOptions & { role?: TeamRole; name?: string; email?: string } = {}): Promise<Delivery> {
      const org = state.resolveOrg(options.org);
      const team = state.team(org, teamSlug);
      const member = state.addTeamMember(org, team, login, options.role, { name: options.name ?? null, email: options.email ?? null });
      return webhooks.deliver("membership", membershipPayload(payloadContext(org), org, team, member, "added", senderFor(org, options.sender)));
    },
    async removeMember(teamSlug: string, login: string, options: ActorOptions = {}): Promise<Delivery> {
      const org = state.resolveOrg(options.org);
      const team = state.team(org, teamSlug);
      const member = state.removeTeamMember(team, login);
      return webhooks.deliver("membership", membershipPayload(payloadContext(org), org, team, member, "removed", senderFor(org, options.sender)));
    },

    async installApp(options: ActorOptions & { repositorySelection?: "all" | "selected"; repos?: string[] } = {}): Promise<{ installation: GithubInstallation; delivery: Delivery }> {
      const org = state.resolveOrg(options.org);
      const repos = (options.repos ?? []).map((name) => state.resolveRepo(`${org.login}/${name}`).repo);
      const installation = state.createInstallation(org, options.repositorySelection ?? (repos.length > 0 ? "selected" : "all"), repos);
      const visible = installation.repositorySelection === "all" ? [...org.repos.values()] : repos;
      const payload = installationPayload(payloadContext(org), org, installation, "created", senderFor(org, options.sender), visible.slice(0, 100));
      return { installation, delivery: await webhooks.deliver("installation", payload) };
    },
    async uninstallApp(installationId?: number, options: ActorOptions = {}): Promise<Delivery> {
      const installation = installationOf(installationId, options.org);
      const org = state.resolveOrg(installation.orgLogin);
      state.deleteInstallation(installation.id);
      auth.revokeInstallationTokens(installation.id);
      return webhooks.deliver("installation", installationPayload(payloadContext(org), org, installation, "deleted", senderFor(org, options.sender), []));
    },
    async addInstallationRepos(repoNames: string[], options: ActorOptions & { installationId?: number } = {}): Promise<Delivery> {
      return changeInstallationRepos(repoNames, "add", options);
    },
    async removeInstallationRepos(repoNames: string[], options: ActorOptions & { installationId?: number } = {}): Promise<Delivery> {
      return changeInstallationRepos(repoNames, "remove", options);
    },

    setFaults: (options: FaultOptions): void => deps.faults.set(options),
    failNext: (rule: ScriptedFault): void => deps.faults.failNext(rule),
    clearFaults: (): void => deps.faults.clear(),

    setRateLimit: (options: RateLimitOptions): void => deps.limits.configure(options),
    /** Leaves exactly `remaining` in the current window of `token` ("anonymous" for no token). */
    setRemaining: (token: string, resource: Resource, remaining: number): void => deps.limits.setRemaining(auth.keyFor(token), resource, remaining),
    setSecondaryLimits: (options: SecondaryLimitOptions | false): void => deps.secondary.configure(options),
    resetRateLimits(): void {
      deps.limits.reset();
      deps.secondary.reset();
    },
    /** Moves the simulator clock (rate-limit resets, token expiry, commit times) forward. */
    advanceClock(seconds: number): void {
      state.clockOffsetMs += seconds * 1000;
    },

    addToken: (token: string): void => void auth.tokens.add(token),
    removeToken: (token: string): void => void auth.tokens.delete(token),

    /** Replaces an organisation with a freshly seeded one (no webhooks: a new world). */
    reseed(options: SeedGithubOrgOptions): void {
      state.removeOrg(options.org ?? "acme");
      state.loadOrg(seedGithubOrg(options));
    },

    stats: (): GithubStats => deps.stats.snapshot(),
    resetStats: (): void => deps.stats.reset(),
  };

  async function changeInstallationRepos(repoNames: string[], change: "add" | "remove", options: ActorOptions & { installationId?: number }): Promise<Delivery> {
    const installation = installationOf(options.installationId, options.org);
    const org = state.resolveOrg(installation.orgLogin);
    const repos = repoNames.map((name) => state.resolveRepo(`${org.login}/${name}`).repo);
    state.setInstallationRepos(installation, repos, change);
    const payload = installationRepositoriesPayload(payloadContext(org), org, installation, change === "add" ? "added" : "removed", senderFor(org, options.sender), repos);
    return webhooks.deliver("installation_repositories", payload);
  }
}

export type GithubControl = ReturnType<typeof createControl>;
