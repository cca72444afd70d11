import type { IncomingMessage, ServerResponse } from "node:http";
import { startLoopbackServer } from "../http";
import { GithubAuth, type GithubAppOptions } from "./auth";
import { createControl, type GithubControl } from "./control";
import { createControlHandler } from "./control-routes";
import { Faults, type FaultOptions } from "./faults";
import { graphqlRoutes } from "./graphql-handler";
import { githubGraphqlSchema } from "./graphql-schema";
import type { GithubOrgData } from "./model";
import { createPipeline } from "./pipeline";
import { PrimaryLimits, SecondaryLimits, type RateLimitOptions, type SecondaryLimitOptions } from "./rate-limits";
import { appRoutes } from "./rest-apps";
import { orgRoutes } from "./rest-orgs";
import { repoRoutes } from "./rest-repos";
import type { ShapeContext } from "./rest-shapes";
import { seedGithubOrg, type SeedGithubOrgOptions } from "./seed";
import { GithubState } from "./state";
import { StatsRecorder } from "./stats";
import { WebhookSender, type WebhookTarget } from "./webhooks";

// createGithubSimulator: GitHub's REST + GraphQL API for one or more seeded orgs on
// 127.0.0.1, with rate limits, conditional requests, webhooks and fault injection. Point
// Octokit at `url` (`new Octokit({ baseUrl: simulator.url })`).

/** The token every simulator accepts unless `tokens` says otherwise. */
export const DEFAULT_GITHUB_TOKEN = "github_pat_greenroom_simulator_0000000000";

export type GithubSimulatorOptions = {
  /** Default 0: a random free port. */
  port?: number;
  /** Organisations to serve; `seed` is shorthand for one seeded org. Default: a 50-repo "acme". */
  orgs?: GithubOrgData[];
  seed?: SeedGithubOrgOptions;
  /** Valid tokens (fine-grained PAT style). Default: [DEFAULT_GITHUB_TOKEN]. */
  tokens?: string[];
  /** The GitHub App: id/slug and the private key it signs JWTs with (generated if omitted). */
  app?: GithubAppOptions;
  rateLimit?: RateLimitOptions;
  /** GitHub's documented secondary limits apply unless this is false. */
  secondaryLimits?: SecondaryLimitOptions | false;
  faults?: FaultOptions;
  webhook?: WebhookTarget | null;
  /** Where html_url / url fields point (default https://github.com). */
  htmlBaseUrl?: string;
};

export type GithubSimulator = {
  url: string;
  port: number;
  /** The live data: read it in tests, or change it through `control` so webhooks follow. */
  state: GithubState;
  control: GithubControl;
  app: { id: number; slug: string; clientId: string; privateKey: string };
  tokens: string[];
  close(): Promise<void>;
};

function avatar(res: ServerResponse, path: string): void {
  // A deterministic SVG per account id, so avatars render in the offline demo.
  const id = Number(path.split("/").at(-1)?.split("?")[0] ?? 0) || 0;
  const hue = (id * 47) % 360;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><rect width="64" height="64" fill="hsl(${hue},55%,55%)"/><circle cx="32" cy="26" r="12" fill="#fff" opacity=".85"/><rect x="14" y="42" width="36" height="18" rx="9" fill="#fff" opacity=".85"/></svg>`;
  res.writeHead(200, { "content-type": "image/svg+xml", "cache-control": "public, max-age=86400", "content-length": Buffer.byteLength(svg) });
  res.end(svg);
}

export async function createGithubSimulator(options: GithubSimulatorOptions = {}): Promise<GithubSimulator> {
  const state = new GithubState();
  const orgs = options.orgs ?? [seedGithubOrg(options.seed ?? {})];
  for (const org of orgs) state.loadOrg(org);
  const now = () => state.now();
  const auth = new GithubAuth(options.tokens ?? [DEFAULT_GITHUB_TOKEN], options.app, now);
  const limits = new PrimaryLimits({ core: 5000, graphql: 5000, anonymous: 60, windowSeconds: 3600, ...options.rateLimit }, now);
  const secondary = new SecondaryLimits(options.secondaryLimits, now);
  const faults = new Faults(options.faults);
  const stats = new StatsRecorder();
  let baseUrl = "http://127.0.0.1";
  const shapes = (): ShapeContext => ({ api: baseUrl, html: options.htmlBaseUrl ?? "https://github.com", avatars: `${baseUrl}/_avatars` });
  const webhooks = new WebhookSender(options.webhook ?? null, () => {
    const installation = [...state.installations.values()][0];
    return installation ? { id: auth.app.id, type: "integration" } : { id: [...state.orgs.values()][0]?.id ?? 0, type: "organization" };
  });
  const control = createControl({ state, auth, limits, secondary, faults, webhooks, stats, shapes });
  const controlHandler = createControlHandler(control, state, auth);
  const api = createPipeline([...repoRoutes, ...orgRoutes, ...appRoutes, ...graphqlRoutes], { state, auth, limits, secondary, faults, stats, shapes, baseUrl: () => baseUrl });

  // Build the GraphQL schema now, so the first query of a timed sync does not pay for it.
  await githubGraphqlSchema();
  const server = await startLoopbackServer(async (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? "/").split("?")[0]!;
    if (path.startsWith("/_control")) return controlHandler(req, res, path);
    if (path.startsWith("/_avatars/")) return avatar(res, path);
    return api(req, res);
  }, options.port ?? 0);
  baseUrl = server.url;

  return {
    url: server.url,
    port: server.port,
    state,
    control,
    app: { ...auth.app, get privateKey() {
      return auth.privateKey;
    } },
    tokens: [...auth.tokens],
    close: server.close,
  };
}
