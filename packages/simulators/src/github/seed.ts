import {
  commitSha,
  DEFAULT_INSTALLATION_EVENTS,
  DEFAULT_INSTALLATION_PERMISSIONS,
  fileMap,
  iso,
  type GithubOrg,
  type GithubOrgData,
  type GithubRepo,
  type GithubTeam,
  type GithubUser,
  type RepoPermission,
} from "./model";
import { hashString, Random } from "./random";
import { repoFiles, tagFor, type CatalogMode, type RepoPlan } from "./seed-files";
import { CITIES, DOMAINS, EXTRA_TOPICS, FIRST_NAMES, LAST_NAMES, LICENSES, NAME_VARIANTS, REPO_KINDS, SECONDARY_LANGUAGES, TEAM_SUFFIXES } from "./seed-vocabulary";

// Deterministic organisations of any size (10 to 10,000+ repositories): same options and seed →
// identical data, so tests, benchmarks and the demo all see the same org.

export type SeedGithubOrgOptions = {
  org?: string;
  repos?: number;
  /** Default: repos / 20 (500 for 10,000 repos), at least 3. */
  teams?: number;
  /** Default: repos × 0.3 (3,000 for 10,000 repos), at least 5. */
  people?: number;
  /** Share of repositories with a valid catalog-info.yaml. Default 0.3. */
  catalogFileRatio?: number;
  /** Share of repositories with a catalog-info.yaml Backstage would reject. Default 0. */
  invalidCatalogRatio?: number;
  /** Share of repositories with .github/CODEOWNERS. Default 0.4. */
  codeownersRatio?: number;
  archivedRatio?: number;
  seed?: number | string;
  /** Install the GitHub App on the org (all repositories) — default true. */
  installation?: boolean;
  /**
   * Makes the first team this large (its direct members; people are added to the org if needed),
   * for connectors that must page a team's members past GitHub's 100 per nested connection.
   */
  largeTeamMembers?: number;
};

const DAY = 86_400_000;
const START = Date.UTC(2015, 0, 1);
const END = Date.UTC(2025, 5, 1);

function titleCase(slug: string): string {
  return slug.split("-").map((word) => (word ? word[0]!.toUpperCase() + word.slice(1) : word)).join(" ");
}

function topicFor(language: string): string {
  const special: Record<string, string> = { "C#": "csharp", "C++": "cpp", "Objective-C": "objective-c" };
  return special[language] ?? language.toLowerCase().replace(/[^a-z0-9]+/g, "-");
}

function seedPeople(random: Random, org: string, count: number, idBase: number): GithubUser[] {
  const logins = new Set<string>();
  const people: GithubUser[] = [];
  for (let index = 0; index < count; index++) {
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    const candidates = [`${first}-${last}`, `${first[0]}${last}`, `${first}${last[0]}`].map((login) => login.toLowerCase());
    let login = candidates.find((candidate) => !logins.has(candidate));
    for (let suffix = 2; !login; suffix++) login = logins.has(`${candidates[0]}${suffix}`) ? undefined : `${candidates[0]}${suffix}`;
    logins.add(login);
    const created = iso(START - 3 * 365 * DAY + random.int(0, 9 * 365) * DAY + random.int(0, DAY));
    people.push({
      id: idBase + index,
      login,
      name: random.chance(0.95) ? `${first} ${last}` : null,
      email: random.chance(0.7) ? `${first}.${last}@${org}.example`.toLowerCase() : null,
      company: random.chance(0.6) ? `@${org}` : null,
      location: random.chance(0.7) ? random.pick(CITIES) : null,
      bio: random.chance(0.3) ? `Engineer at ${org}` : null,
      createdAt: created,
      updatedAt: created,
    });
  }
  return people;
}

function seedTeams(random: Random, count: number, idBase: number, orgCreated: number): { teams: GithubTeam[]; rootOf: Map<string, string> } {
  const roots = Math.min(DOMAINS.length, Math.max(1, Math.round(count / 6)));
  const rootDomains = random.sample(DOMAINS, roots);
  const teams: GithubTeam[] = [];
  const depth = new Map<string, number>();
  const rootOf = new Map<string, string>();
  const slugs = new Set<string>();
  // Teams that may still take children (depth < 2), so the hierarchy stays at most three deep.
  const shallow: GithubTeam[] = [];
  for (let index = 0; index < count; index++) {
    let slug: string;
    let parent: GithubTeam | null = null;
    if (index < roots) slug = rootDomains[index]!;
    else {
      parent = random.chance(0.7) ? teams[random.int(0, roots - 1)]! : random.pick(shallow);
      const root = rootOf.get(parent.slug)!;
      const base = `${root}-${random.pick(TEAM_SUFFIXES)}`;
      slug = base;
      for (let suffix = 2; slugs.has(slug); suffix++) slug = `${base}-${suffix}`;
    }
    slugs.add(slug);
    depth.set(slug, parent ? depth.get(parent.slug)! + 1 : 0);
    rootOf.set(slug, parent ? rootOf.get(parent.slug)! : slug);
    const created = iso(orgCreated + random.int(1, 2000) * DAY);
    const team: GithubTeam = {
      id: idBase + index,
      slug,
      name: titleCase(slug),
      description: parent ? `${titleCase(slug)}, part of ${parent.name}` : `Everyone working on ${slug}`,
      privacy: random.chance(0.05) ? "secret" : "closed",
      parentSlug: parent?.slug ?? null,
      createdAt: created,
      updatedAt: created,
      members: new Map(),
      repos: new Map(),
    };
    teams.push(team);
    if (depth.get(slug)! < 2) shallow.push(team);
  }
  return { teams, rootOf };
}

function assignMembers(random: Random, people: GithubUser[], teams: GithubTeam[]): void {
  people.forEach((person, index) => {
    // Round-robin first so every team has someone, then random extra memberships.
    const primary = index < teams.length ? teams[index]! : random.pick(teams);
    primary.members.set(person.login, random.chance(0.1) ? "maintainer" : "member");
    if (random.chance(0.3)) random.pick(teams).members.set(person.login, "member");
  });
}

function uniqueRepoName(random: Random, domain: string, taken: Set<string>): { name: string; kind: (typeof REPO_KINDS)[number] } {
  for (let attempt = 0; attempt < 10; attempt++) {
    const kind = random.pick(REPO_KINDS);
    // Plain "<domain>-<kind>" names first; variants only once those run out, as in real orgs.
    const variant = attempt < 3 ? "" : random.pick(NAME_VARIANTS);
    const base = `${domain}-${kind.suffix}`;
    const name = variant.startsWith("-") ? `${base}${variant}` : `${variant}${base}`;
    if (!taken.has(name)) return { name, kind };
  }
  const kind = random.pick(REPO_KINDS);
  let name = `${domain}-${kind.suffix}`;
  for (let suffix = 2; taken.has(name); suffix++) name = `${domain}-${kind.suffix}-${suffix}`;
  return { name, kind };
}

function catalogMode(random: Random, valid: number, invalid: number): CatalogMode {
  const roll = random.next();
  if (roll < invalid) return "invalid";
  if (roll >= invalid + valid) return "none";
  const style = random.next();
  return style < 0.55 ? "component" : style < 0.85 ? "multi" : "location";
}

function planRepos(random: Random, options: Required<Omit<SeedGithubOrgOptions, "installation" | "largeTeamMembers">>, teams: GithubTeam[], rootOf: Map<string, string>): RepoPlan[] {
  const taken = new Set<string>();
  const plans: RepoPlan[] = [];
  const systemsDeclared = new Set<string>();
  for (let index = 0; index < options.repos; index++) {
    const owner = random.pick(teams);
    const domain = random.chance(0.85) ? rootOf.get(owner.slug)! : random.pick(DOMAINS);
    const { name, kind } = uniqueRepoName(random, domain, taken);
    taken.add(name);
    const language = random.chance(0.02) ? null : random.pick(kind.languages);
    const topics = random.chance(0.1) ? [] : [...new Set([domain, ...(language ? [topicFor(language)] : []), ...random.sample(EXTRA_TOPICS, random.int(0, 3))])];
    const catalog = catalogMode(random, options.catalogFileRatio, options.invalidCatalogRatio);
    const members = [...owner.members.keys()];
    const format = random.next();
    const ownerRef =
      format < 0.05 && members.length > 0 ? `user:default/${random.pick(members)}` : format < 0.4 ? owner.slug : format < 0.6 ? `group:${owner.slug}` : `group:default/${owner.slug}`;
    const isService = kind.componentType === "service" || kind.componentType === "worker";
    const declaresSystem = catalog !== "none" && catalog !== "invalid" && !systemsDeclared.has(domain);
    if (declaresSystem) systemsDeclared.add(domain);
    let codeowners: string[] | null = null;
    if (random.chance(options.codeownersRatio)) {
      codeowners = members.length > 0 && random.chance(0.1) ? [`@${random.pick(members)}`] : [`@${options.org}/${owner.slug}`];
      if (random.chance(0.3)) codeowners.push(`@${options.org}/${random.pick(teams).slug}`);
    }
    plans.push({
      org: options.org,
      name,
      domain,
      kind,
      language,
      description: kind.describe(domain),
      topics,
      ownerTeam: owner.slug,
      ownerRef,
      catalog,
      declaresSystem,
      systemOwner: rootOf.get(owner.slug) ?? owner.slug,
      providesApi: isService && random.chance(0.6),
      hasResource: isService && random.chance(0.3),
      techdocs: catalog !== "none" && random.chance(0.15),
      archived: random.chance(options.archivedRatio),
      codeowners,
      dependsOn: [],
      consumesApis: [],
    });
  }
  // Pass two: references between catalog entities point at entities that really exist.
  const withCatalog = plans.filter((plan) => plan.catalog !== "none" && plan.catalog !== "invalid");
  const apis = withCatalog.filter((plan) => plan.providesApi).map((plan) => `${plan.name}-api`);
  const byDomain = new Map<string, RepoPlan[]>();
  for (const plan of withCatalog) {
    const list = byDomain.get(plan.domain) ?? [];
    list.push(plan);
    byDomain.set(plan.domain, list);
  }
  for (const plan of withCatalog) {
    const peers = byDomain.get(plan.domain) ?? [];
    const picks = random.int(0, 2);
    plan.dependsOn = [...new Set(Array.from({ length: picks }, () => random.pick(peers).name))].filter((name) => name !== plan.name);
    const wanted = random.int(0, 2);
    plan.consumesApis = apis.length === 0 ? [] : [...new Set(Array.from({ length: wanted }, () => random.pick(apis)))].filter((api) => api !== `${plan.name}-api`);
  }
  return plans;
}

function buildRepo(random: Random, plan: RepoPlan, id: number, index: number, total: number): GithubRepo {
  const created = START + Math.floor(((END - START - 30 * DAY) * index) / Math.max(1, total)) + random.int(0, DAY);
  const pushed = created + random.int(0, Math.floor((END - created) / DAY)) * DAY + random.int(0, DAY);
  const languages: Record<string, number> = {};
  if (plan.language) {
    languages[plan.language] = random.int(20_000, 2_000_000);
    for (const extra of random.sample(SECONDARY_LANGUAGES, random.int(0, 3))) {
      if (extra !== plan.language) languages[extra] = random.int(100, 15_000);
    }
  }
  const files = fileMap(repoFiles(plan, random));
  const message = random.pick(["Initial commit", "Update dependencies", "Fix flaky test", "Add metrics", "Refactor handlers", "Bump version"]);
  return {
    id,
    name: plan.name,
    description: random.chance(0.05) ? null : plan.description,
    homepage: random.chance(0.1) ? `https://${plan.name}.${plan.org}.example` : null,
    topics: plan.topics,
    language: plan.language,
    languages,
    visibility: random.chance(0.1) ? "public" : random.chance(0.25) ? "internal" : "private",
    archived: plan.archived,
    isTemplate: false,
    defaultBranch: random.chance(0.85) ? "main" : "master",
    createdAt: iso(created),
    updatedAt: iso(pushed + random.int(0, 3 * DAY)),
    pushedAt: iso(pushed),
    stars: random.skewed(0, 300, 4),
    forks: random.skewed(0, 40, 4),
    openIssues: random.skewed(0, 60, 3),
    license: random.chance(0.3) ? random.pick(LICENSES) : null,
    headSha: commitSha("", files, message, iso(pushed)),
    headMessage: message,
    files,
  };
}

export function seedGithubOrg(options: SeedGithubOrgOptions = {}): GithubOrgData {
  const resolved = {
    org: options.org ?? "acme",
    repos: options.repos ?? 50,
    teams: options.teams ?? Math.max(3, Math.round((options.repos ?? 50) / 20)),
    people: Math.max(options.people ?? Math.max(5, Math.round((options.repos ?? 50) * 0.3)), options.largeTeamMembers ?? 0),
    catalogFileRatio: options.catalogFileRatio ?? 0.3,
    invalidCatalogRatio: options.invalidCatalogRatio ?? 0,
    codeownersRatio: options.codeownersRatio ?? 0.4,
    archivedRatio: options.archivedRatio ?? 0.05,
    seed: options.seed ?? 1,
  };
  const random = new Random(`${resolved.seed}:${resolved.org}`);
  const block = hashString(`${resolved.org}:${resolved.seed}`) % 1000;
  const orgCreated = START - 2 * 365 * DAY;
  const people = seedPeople(random, resolved.org, resolved.people, 20_000_000 + block * 100_000);
  const { teams, rootOf } = seedTeams(random, resolved.teams, 1_000_000 + block * 10_000, orgCreated);
  assignMembers(random, people, teams);
  const large = teams[0];
  if (options.largeTeamMembers && large) for (const person of people.slice(0, options.largeTeamMembers)) if (!large.members.has(person.login)) large.members.set(person.login, "member");
  const plans = planRepos(random, resolved, teams, rootOf);
  const repos = plans.map((plan, index) => buildRepo(random, plan, 200_000_000 + block * 1_000_000 + index, index, plans.length));

  const teamBySlug = new Map(teams.map((team) => [team.slug, team]));
  plans.forEach((plan) => {
    const owner = teamBySlug.get(plan.ownerTeam)!;
    owner.repos.set(plan.name, random.chance(0.7) ? "admin" : "maintain");
    const root = teamBySlug.get(rootOf.get(owner.slug)!)!;
    if (root !== owner && random.chance(0.3)) root.repos.set(plan.name, "pull");
    if (random.chance(0.1)) {
      const other = random.pick(teams);
      if (!other.repos.has(plan.name)) other.repos.set(plan.name, random.pick<RepoPermission>(["push", "triage", "pull"]));
    }
  });

  const adminCount = Math.max(1, Math.ceil(people.length * 0.01));
  const org: GithubOrg = {
    id: 100_000 + (hashString(resolved.org) % 900_000),
    login: resolved.org,
    name: titleCase(resolved.org),
    description: `${titleCase(resolved.org)} engineering`,
    createdAt: iso(orgCreated),
    members: new Map(people.map((person, index) => [person.login, index < adminCount ? "admin" : "member"])),
    repos: new Map(repos.map((repo) => [repo.name, repo])),
    teams: teamBySlug,
  };
  const installed = iso(END - 90 * DAY);
  return {
    org,
    users: people,
    installation:
      options.installation === false
        ? null
        : {
            id: 40_000_000 + block * 1000 + (hashString(resolved.org) % 1000),
            orgLogin: org.login,
            repositorySelection: "all",
            repositoryIds: new Set(),
            permissions: { ...DEFAULT_INSTALLATION_PERMISSIONS },
            events: [...DEFAULT_INSTALLATION_EVENTS],
            createdAt: installed,
            updatedAt: installed,
            suspendedAt: null,
          },
  };
}

/** A stable digest of seeded data, for determinism checks and benchmark labels. */
export function describeSeed(data: GithubOrgData): { repos: number; teams: number; people: number; catalogFiles: number; codeowners: number } {
  const repos = [...data.org.repos.values()];
  return {
    repos: repos.length,
    teams: data.org.teams.size,
    people: data.users.length,
    catalogFiles: repos.filter((repo) => repo.files.has("catalog-info.yaml")).length,
    codeowners: repos.filter((repo) => repo.files.has(".github/CODEOWNERS")).length,
  };
}

export { tagFor };
