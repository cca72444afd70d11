import {
  commitSha,
  DEFAULT_INSTALLATION_EVENTS,
  DEFAULT_INSTALLATION_PERMISSIONS,
  iso,
  makeFile,
  type GithubInstallation,
  type GithubOrg,
  type GithubOrgData,
  type GithubRepo,
  type GithubTeam,
  type GithubUser,
  type TeamRole,
  type Visibility,
} from "./model";

// The simulator's in-memory world: organisations, people, installations. Mutations here change
// data only (control.ts adds the webhooks). `version` moves on every change so response caches
// and ETags know when to recompute.

export type RepoSort = "created" | "updated" | "pushed" | "full_name";
export type FileChange = { path: string; content: string | null };
export type CommitResult = { before: string; after: string; added: string[]; removed: string[]; modified: string[]; timestamp: string };

export type NewRepo = {
  name: string;
  description?: string | null;
  topics?: string[];
  language?: string | null;
  visibility?: Visibility;
  defaultBranch?: string;
  files?: Record<string, string>;
};

export class GithubState {
  readonly orgs = new Map<string, GithubOrg>();
  readonly users = new Map<string, GithubUser>();
  readonly installations = new Map<number, GithubInstallation>();
  version = 0;
  /** Added to Date.now(): lets tests jump past rate-limit resets and token expiry. */
  clockOffsetMs = 0;
  private nextId = 1_500_000_000;
  private readonly sortCache = new Map<string, { version: number; repos: GithubRepo[] }>();

  now(): number {
    return Date.now() + this.clockOffsetMs;
  }

  touch(): void {
    this.version++;
  }

  /** Ids for things created after seeding; above every seeded range, still a 32-bit GraphQL Int. */
  newId(): number {
    return this.nextId++;
  }

  loadOrg(data: GithubOrgData): void {
    this.orgs.set(data.org.login.toLowerCase(), data.org);
    for (const user of data.users) if (!this.users.has(user.login.toLowerCase())) this.users.set(user.login.toLowerCase(), user);
    if (data.installation) this.installations.set(data.installation.id, data.installation);
    this.touch();
  }

  removeOrg(login: string): void {
    const org = this.org(login);
    if (!org) return;
    this.orgs.delete(org.login.toLowerCase());
    for (const installation of this.installations.values()) if (installation.orgLogin === org.login) this.installations.delete(installation.id);
    this.touch();
  }

  org(login: string): GithubOrg | undefined {
    return this.orgs.get(login.toLowerCase());
  }

  user(login: string): GithubUser | undefined {
    return this.users.get(login.toLowerCase());
  }

  repo(owner: string, name: string): { org: GithubOrg; repo: GithubRepo } | undefined {
    const org = this.org(owner);
    if (!org) return undefined;
    const repo = org.repos.get(name) ?? [...org.repos.values()].find((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
    return repo ? { org, repo } : undefined;
  }

  /** Accepts "org/name" or, when the simulator holds one org, just "name". */
  resolveRepo(ref: string): { org: GithubOrg; repo: GithubRepo } {
    const [owner, name] = ref.includes("/") ? (ref.split("/", 2) as [string, string]) : [this.soleOrg().login, ref];
    const found = this.repo(owner, name);
    if (!found) throw new Error(`no repository ${ref}`);
    return found;
  }

  resolveOrg(login?: string): GithubOrg {
    const org = login ? this.org(login) : this.soleOrg();
    if (!org) throw new Error(`no organization ${login}`);
    return org;
  }

  private soleOrg(): GithubOrg {
    const [first, ...rest] = [...this.orgs.values()];
    if (!first || rest.length > 0) throw new Error("name the organization: the simulator holds none or several");
    return first;
  }

  team(org: GithubOrg, slug: string): GithubTeam {
    const team = org.teams.get(slug);
    if (!team) throw new Error(`no team ${org.login}/${slug}`);
    return team;
  }

  /** Repositories sorted as GET /orgs/{org}/repos sorts them, cached until the next change. */
  sortedRepos(org: GithubOrg, sort: RepoSort, direction: "asc" | "desc"): GithubRepo[] {
    const key = `${org.login}:${sort}:${direction}`;
    const cached = this.sortCache.get(key);
    if (cached && cached.version === this.version) return cached.repos;
    const field = { created: "createdAt", updated: "updatedAt", pushed: "pushedAt", full_name: "name" } as const;
    const name = field[sort];
    const sign = direction === "asc" ? 1 : -1;
    const repos = [...org.repos.values()].sort((a, b) => sign * (a[name] < b[name] ? -1 : a[name] > b[name] ? 1 : a.id - b.id));
    this.sortCache.set(key, { version: this.version, repos });
    return repos;
  }

  childTeams(org: GithubOrg, slug: string): GithubTeam[] {
    return [...org.teams.values()].filter((team) => team.parentSlug === slug);
  }

  /** The team and every team below it: GitHub counts child-team members as team members. */
  teamAndDescendants(org: GithubOrg, team: GithubTeam): GithubTeam[] {
    const out = [team];
    for (let index = 0; index < out.length; index++) out.push(...this.childTeams(org, out[index]!.slug));
    return out;
  }

  teamMembers(org: GithubOrg, team: GithubTeam, immediateOnly: boolean): { user: GithubUser; role: TeamRole }[] {
    const roles = new Map<string, TeamRole>();
    for (const member of immediateOnly ? [team] : this.teamAndDescendants(org, team)) {
      for (const [login, role] of member.members) if (!roles.has(login) || (member === team && role === "maintainer")) roles.set(login, role);
    }
    return [...roles]
      .map(([login, role]) => ({ user: this.user(login)!, role }))
      .filter((entry) => entry.user)
      .sort((a, b) => a.user.id - b.user.id);
  }

  orgMembers(org: GithubOrg): { user: GithubUser; role: "admin" | "member" }[] {
    return [...org.members]
      .map(([login, role]) => ({ user: this.user(login)!, role }))
      .filter((entry) => entry.user)
      .sort((a, b) => a.user.id - b.user.id);
  }

  installationFor(org: GithubOrg): GithubInstallation | undefined {
    return [...this.installations.values()].find((installation) => installation.orgLogin === org.login);
  }

  canInstallationSee(installation: GithubInstallation, repo: GithubRepo): boolean {
    return installation.repositorySelection === "all" || installation.repositoryIds.has(repo.id);
  }

  // --- mutations -------------------------------------------------------------------------

  commit(repo: GithubRepo, changes: FileChange[], message: string): CommitResult {
    const added: string[] = [];
    const removed: string[] = [];
    const modified: string[] = [];
    for (const change of changes) {
      const existing = repo.files.get(change.path);
      if (change.content === null) {
        if (existing) {
          repo.files.delete(change.path);
          removed.push(change.path);
        }
        continue;
      }
      if (existing?.content === change.content) continue;
      repo.files.set(change.path, makeFile(change.path, change.content));
      (existing ? modified : added).push(change.path);
    }
    const before = repo.headSha;
    const timestamp = iso(this.now());
    repo.headSha = commitSha(before, repo.files, message, timestamp);
    repo.headMessage = message;
    repo.pushedAt = timestamp;
    repo.updatedAt = timestamp;
    this.touch();
    return { before, after: repo.headSha, added, removed, modified, timestamp };
  }

  createRepo(org: GithubOrg, input: NewRepo): GithubRepo {
    if (org.repos.has(input.name)) throw new Error(`repository ${org.login}/${input.name} exists`);
    const timestamp = iso(this.now());
    const files = new Map(Object.entries(input.files ?? { "README.md": `# ${input.name}\n` }).map(([path, content]) => [path, makeFile(path, content)]));
    const language = input.language ?? null;
    const repo: GithubRepo = {
      id: this.newId(),
      name: input.name,
      description: input.description ?? null,
      homepage: null,
      topics: input.topics ?? [],
      language,
      languages: language ? { [language]: 1024 } : {},
      visibility: input.visibility ?? "private",
      archived: false,
      isTemplate: false,
      defaultBranch: input.defaultBranch ?? "main",
      createdAt: timestamp,
      updatedAt: timestamp,
      pushedAt: timestamp,
      stars: 0,
      forks: 0,
      openIssues: 0,
      license: null,
      headSha: commitSha("", files, "Initial commit", timestamp),
      headMessage: "Initial commit",
      files,
    };
    org.repos.set(repo.name, repo);
    this.touch();
    return repo;
  }

  updateRepo(repo: GithubRepo, patch: Partial<Pick<GithubRepo, "archived" | "description" | "topics" | "visibility" | "homepage">>): void {
    Object.assign(repo, patch, { updatedAt: iso(this.now()) });
    this.touch();
  }

  renameRepo(org: GithubOrg, repo: GithubRepo, newName: string): string {
    if (org.repos.has(newName)) throw new Error(`repository ${org.login}/${newName} exists`);
    const from = repo.name;
    org.repos.delete(from);
    repo.name = newName;
    repo.updatedAt = iso(this.now());
    org.repos.set(newName, repo);
    for (const team of org.teams.values()) {
      const permission = team.repos.get(from);
      if (permission) {
        team.repos.delete(from);
        team.repos.set(newName, permission);
      }
    }
    this.touch();
    return from;
  }

  deleteRepo(org: GithubOrg, repo: GithubRepo): void {
    org.repos.delete(repo.name);
    for (const team of org.teams.values()) team.repos.delete(repo.name);
    for (const installation of this.installations.values()) installation.repositoryIds.delete(repo.id);
    this.touch();
  }

  /** Adds a person (creating the user and org membership if new) to a team. */
  addTeamMember(org: GithubOrg, team: GithubTeam, login: string, role: TeamRole = "member", profile?: Partial<GithubUser>): GithubUser {
    let user = this.user(login);
    if (!user) {
      const timestamp = iso(this.now());
      user = { id: this.newId(), login, name: null, email: null, company: null, location: null, bio: null, createdAt: timestamp, updatedAt: timestamp, ...profile };
      this.users.set(login.toLowerCase(), user);
    }
    if (!org.members.has(user.login)) org.members.set(user.login, "member");
    team.members.set(user.login, role);
    this.touch();
    return user;
  }

  removeTeamMember(team: GithubTeam, login: string): GithubUser {
    const user = this.user(login);
    if (!user || !team.members.delete(user.login)) throw new Error(`${login} is not a member of ${team.slug}`);
    this.touch();
    return user;
  }

  createInstallation(org: GithubOrg, selection: "all" | "selected", repos: GithubRepo[] = []): GithubInstallation {
    const timestamp = iso(this.now());
    const installation: GithubInstallation = {
      id: this.newId(),
      orgLogin: org.login,
      repositorySelection: selection,
      repositoryIds: new Set(repos.map((repo) => repo.id)),
      permissions: { ...DEFAULT_INSTALLATION_PERMISSIONS },
      events: [...DEFAULT_INSTALLATION_EVENTS],
      createdAt: timestamp,
      updatedAt: timestamp,
      suspendedAt: null,
    };
    this.installations.set(installation.id, installation);
    this.touch();
    return installation;
  }

  installation(id: number): GithubInstallation {
    const installation = this.installations.get(id);
    if (!installation) throw new Error(`no installation ${id}`);
    return installation;
  }

  deleteInstallation(id: number): GithubInstallation {
    const installation = this.installation(id);
    this.installations.delete(id);
    this.touch();
    return installation;
  }

  setInstallationRepos(installation: GithubInstallation, repos: GithubRepo[], change: "add" | "remove"): void {
    if (installation.repositorySelection === "all") {
      // Removing from an all-repositories installation turns it into a selection of the rest.
      if (change === "add") return;
      const org = this.resolveOrg(installation.orgLogin);
      installation.repositorySelection = "selected";
      installation.repositoryIds = new Set([...org.repos.values()].map((repo) => repo.id));
    }
    for (const repo of repos) {
      if (change === "add") installation.repositoryIds.add(repo.id);
      else installation.repositoryIds.delete(repo.id);
    }
    installation.updatedAt = iso(this.now());
    this.touch();
  }
}
