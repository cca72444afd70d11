import { existsSync, readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { Deployment } from "kubernetes-models/apps/v1/Deployment";
import { HorizontalPodAutoscaler } from "kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler";
import { Job } from "kubernetes-models/batch/v1/Job";
import { PodDisruptionBudget } from "kubernetes-models/policy/v1/PodDisruptionBudget";
import { ConfigMap } from "kubernetes-models/v1/ConfigMap";
import { Namespace } from "kubernetes-models/v1/Namespace";
import { Secret } from "kubernetes-models/v1/Secret";
import { Service } from "kubernetes-models/v1/Service";
import type { IContainer } from "kubernetes-models/v1/Container";
import type { IPodSpec } from "kubernetes-models/v1/PodSpec";
import type { IProbe } from "kubernetes-models/v1/Probe";
import { describe, expect, it } from "vitest";
import { parse, parseAllDocuments } from "yaml";

// Static checks of everything under infra/ plus docker-compose.yml and .dockerignore. No cluster
// and no Docker engine are needed, so these run everywhere the unit tests run.

const k8sDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(k8sDir, "../..");
const read = (relative: string) => readFileSync(path.join(repoRoot, relative), "utf8");

// Parsed YAML of every kind of manifest: kubernetes-models validates the shape at run time, and
// the assertions below walk it freely, so a static type would only restate the schemas.
type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Loaded = { file: string; doc: Doc };

const NAMESPACE = "greenroom";
const KUSTOMIZATION = "kustomization.yaml";
const EXAMPLE_SECRETS = "secrets.example.yaml";

// ---------------------------------------------------------------------------------------------
// Kubernetes schema validation
// ---------------------------------------------------------------------------------------------

type ModelClass = new (data: Doc) => { validate(): void; toJSON(): unknown };

// Every kind this directory may contain. A kind missing here fails the test rather than
// skipping validation: add its kubernetes-models class when adding the manifest.
const MODELS: Record<string, ModelClass> = {
  "v1/Namespace": Namespace,
  "v1/ConfigMap": ConfigMap,
  "v1/Secret": Secret,
  "v1/Service": Service,
  "apps/v1/Deployment": Deployment,
  "batch/v1/Job": Job,
  "policy/v1/PodDisruptionBudget": PodDisruptionBudget,
  "autoscaling/v2/HorizontalPodAutoscaler": HorizontalPodAutoscaler,
};

/**
 * Validates against the Kubernetes OpenAPI schema and returns the paths of fields the schema does
 * not know. The generated validators accept unknown fields, but `kubectl apply` (strict server-side
 * field validation) rejects them, and a typo such as `readinesProbe` would otherwise pass here and
 * silently drop a probe. The validator reads exactly the properties its schema declares (and every
 * key of a map), so a property it never reads is unknown.
 */
function validateStrict(doc: Doc): string[] {
  const Model = MODELS[`${doc.apiVersion}/${doc.kind}`];
  if (!Model) throw new Error(`No schema registered for ${doc.apiVersion} ${doc.kind}`);
  const model = new Model(doc);
  const json = model.toJSON();

  const reads = new WeakMap<object, Set<PropertyKey>>();
  const proxies = new WeakMap<object, object>();
  const track = (value: unknown): unknown => {
    if (value === null || typeof value !== "object") return value;
    let proxy = proxies.get(value);
    if (!proxy) {
      const seen = new Set<PropertyKey>();
      reads.set(value, seen);
      proxy = new Proxy(value, {
        get(target, key, receiver) {
          seen.add(key);
          return track(Reflect.get(target, key, receiver));
        },
      });
      proxies.set(value, proxy);
    }
    return proxy;
  };
  model.validate.call(track(json)); // throws on any schema violation

  const unknown: string[] = [];
  const walk = (value: unknown, at: string): void => {
    if (Array.isArray(value)) return value.forEach((item, index) => walk(item, `${at}[${index}]`));
    if (value === null || typeof value !== "object") return;
    const seen = reads.get(value) ?? new Set();
    for (const [key, child] of Object.entries(value)) {
      if (seen.has(key)) walk(child, `${at}.${key}`);
      else unknown.push(`${at}.${key}`.slice(1));
    }
  };
  walk(json, "");
  return unknown;
}

function loadYamlFile(file: string): Doc[] {
  return parseAllDocuments(readFileSync(path.join(k8sDir, file), "utf8")).flatMap((document) => {
    if (document.errors.length > 0) throw new Error(`${file}: ${document.errors.map((e) => e.message).join("; ")}`);
    const value: unknown = document.toJS();
    return value == null ? [] : [value as Doc]; // a trailing `---` yields an empty document
  });
}

// Recursive, so a manifest added in a subdirectory cannot escape validation.
const yamlFiles = readdirSync(k8sDir, { recursive: true, encoding: "utf8" })
  .filter((file) => /\.ya?ml$/.test(file))
  .sort();
const objects: Loaded[] = yamlFiles
  .filter((file) => path.basename(file) !== KUSTOMIZATION)
  .flatMap((file) => loadYamlFile(file).map((doc) => ({ file, doc })));
const kustomization = loadYamlFile(KUSTOMIZATION)[0] ?? {};
const deployed = objects.filter(({ file }) => file !== EXAMPLE_SECRETS);

function find(kind: string, name: string): Doc {
  const match = deployed.find(({ doc }) => doc.kind === kind && doc.metadata?.name === name);
  if (!match) throw new Error(`infra/k8s has no ${kind} "${name}"`);
  return match.doc;
}

// ---------------------------------------------------------------------------------------------
// Pod-level policy, written as problem lists so the guards below can prove each check bites.
// ---------------------------------------------------------------------------------------------

function podSpecOf(workload: Doc): IPodSpec {
  const spec = workload.spec?.template?.spec as IPodSpec | undefined;
  if (!spec) throw new Error(`${workload.kind} ${workload.metadata?.name} has no pod template`);
  return spec;
}

function containersOf(pod: IPodSpec): IContainer[] {
  return [...(pod.initContainers ?? []), ...pod.containers];
}

function imageProblems(image: string | undefined): string[] {
  if (!image) return ["has no image"];
  if (image.includes("@sha256:")) return [];
  const lastSegment = image.slice(image.lastIndexOf("/") + 1);
  const tag = lastSegment.includes(":") ? lastSegment.slice(lastSegment.indexOf(":") + 1) : undefined;
  if (!tag) return [`image ${image} has no tag (implies latest)`];
  if (tag === "latest" || !/\d/.test(tag)) return [`image ${image} is not pinned to a version`];
  return [];
}

function containerPolicyProblems(workload: Doc): string[] {
  const pod = podSpecOf(workload);
  const podSecurity = pod.securityContext ?? {};
  const volumes = new Map((pod.volumes ?? []).map((volume) => [volume.name, volume]));
  return containersOf(pod).flatMap((container) => {
    const problems: string[] = [];
    const security = container.securityContext ?? {};
    const requests = container.resources?.requests ?? {};
    const limits = container.resources?.limits ?? {};
    for (const resource of ["cpu", "memory"]) {
      if (requests[resource] === undefined) problems.push(`no resources.requests.${resource}`);
      if (limits[resource] === undefined) problems.push(`no resources.limits.${resource}`);
    }
    problems.push(...imageProblems(container.image));
    if ((security.runAsNonRoot ?? podSecurity.runAsNonRoot) !== true) problems.push("runAsNonRoot is not true");
    const uid = security.runAsUser ?? podSecurity.runAsUser;
    if (uid === undefined || uid === 0)
      problems.push(`runs as uid ${uid ?? "from the image"}, not a fixed non-root uid`);
    if (security.allowPrivilegeEscalation !== false) problems.push("allowPrivilegeEscalation is not false");
    if (!security.capabilities?.drop?.includes("ALL")) problems.push("does not drop ALL capabilities");
    if (security.readOnlyRootFilesystem !== true) problems.push("root filesystem is writable");
    if ((security.seccompProfile ?? podSecurity.seccompProfile)?.type !== "RuntimeDefault")
      problems.push("no RuntimeDefault seccomp profile");
    const mounts = container.volumeMounts ?? [];
    if (!mounts.some((mount) => mount.mountPath === "/tmp" && volumes.get(mount.name)?.emptyDir)) {
      problems.push("no writable emptyDir at /tmp (needed with a read-only root filesystem)");
    }
    for (const mount of mounts) {
      if (!volumes.has(mount.name)) problems.push(`mounts undeclared volume ${mount.name}`);
    }
    return problems.map(
      (problem) => `${workload.kind}/${workload.metadata?.name} container ${container.name}: ${problem}`,
    );
  });
}

function probePort(container: IContainer, probe: IProbe | undefined): number | undefined {
  const port = probe?.httpGet?.port;
  if (typeof port === "number") return port;
  return container.ports?.find((candidate) => candidate.name === port)?.containerPort;
}

function probeProblems(
  container: IContainer,
  probes: Array<"startupProbe" | "readinessProbe" | "livenessProbe">,
  want: { path: string; port: number },
): string[] {
  return probes.flatMap((name) => {
    const probe = container[name];
    if (!probe?.httpGet) return [`${container.name}: ${name} is not an httpGet probe`];
    const port = probePort(container, probe);
    return probe.httpGet.path === want.path && port === want.port
      ? []
      : [`${container.name}: ${name} hits ${probe.httpGet.path} on ${port}, expected ${want.path} on ${want.port}`];
  });
}

function secretRefs(container: IContainer): Map<string, { name: string; key: string }> {
  const refs = new Map<string, { name: string; key: string }>();
  for (const variable of container.env ?? []) {
    const ref = variable.valueFrom?.secretKeyRef;
    if (ref?.name) refs.set(variable.name, { name: ref.name, key: ref.key });
  }
  return refs;
}

const isSubset = (selector: Record<string, string> | undefined, labels: Record<string, string> | undefined) =>
  !!selector &&
  Object.keys(selector).length > 0 &&
  Object.entries(selector).every(([key, value]) => labels?.[key] === value);

const workloads = deployed.map(({ doc }) => doc).filter((doc) => doc.spec?.template?.spec);

// ---------------------------------------------------------------------------------------------

describe("infra/k8s manifests", () => {
  it("contains the expected objects", () => {
    const present = deployed.map(({ doc }) => `${doc.kind}/${doc.metadata?.name}`).sort();
    expect(present).toEqual(
      [
        "ConfigMap/greenroom-config",
        "Deployment/web",
        "Deployment/worker",
        "HorizontalPodAutoscaler/web",
        "Job/migrate",
        "Namespace/greenroom",
        "PodDisruptionBudget/web",
        "Service/web",
      ].sort(),
    );
  });

  it.each(objects.map(({ file, doc }) => [`${file}: ${doc.kind}/${doc.metadata?.name}`, doc] as const))(
    "%s validates against the Kubernetes schema with no unknown fields",
    (_label, doc) => {
      expect(validateStrict(doc)).toEqual([]);
    },
  );

  it("puts every namespaced object in the greenroom namespace", () => {
    expect(kustomization.namespace).toBe(NAMESPACE);
    for (const { file, doc } of objects) {
      if (doc.kind === "Namespace") expect(doc.metadata.name, file).toBe(NAMESPACE);
      else expect(doc.metadata?.namespace, `${file} ${doc.kind}/${doc.metadata?.name}`).toBe(NAMESPACE);
    }
  });

  it("kustomization lists every manifest except the example secrets, and ships no Secret", () => {
    expect(kustomization.apiVersion).toBe("kustomize.config.k8s.io/v1beta1");
    expect(kustomization.kind).toBe("Kustomization");
    const resources = [...(kustomization.resources as string[])].sort();
    expect(resources).toEqual(yamlFiles.filter((file) => file !== KUSTOMIZATION && file !== EXAMPLE_SECRETS));
    expect(deployed.filter(({ doc }) => doc.kind === "Secret")).toEqual([]);
    for (const image of kustomization.images ?? []) {
      expect(imageProblems(`${image.newName ?? image.name}:${image.newTag}`)).toEqual([]);
    }
  });

  it("every container has requests and limits, a pinned image, and runs locked down as non-root", () => {
    expect(workloads.map((doc) => `${doc.kind}/${doc.metadata.name}`).sort()).toEqual([
      "Deployment/web",
      "Deployment/worker",
      "Job/migrate",
    ]);
    expect(workloads.flatMap(containerPolicyProblems)).toEqual([]);
  });

  it("every workload's selector matches its pod labels", () => {
    for (const doc of workloads.filter((workload) => workload.kind === "Deployment")) {
      expect(isSubset(doc.spec.selector?.matchLabels, doc.spec.template.metadata?.labels), doc.metadata.name).toBe(
        true,
      );
    }
  });

  it("web: probes /api/health on 3000, reads config and secrets, and has a writable Next cache", () => {
    const web = find("Deployment", "web");
    expect(web.spec.replicas).toBe(2);
    const pod = podSpecOf(web);
    const container = pod.containers.find((candidate) => candidate.name === "web")!;
    expect(imageProblems(container.image)).toEqual([]);
    expect(container.image).toMatch(/^ghcr\.io\/greenroom\/web:/);
    expect(container.ports?.map((port) => port.containerPort)).toContain(3000);
    expect(
      probeProblems(container, ["startupProbe", "readinessProbe"], {
        path: "/api/health",
        port: 3000,
      }),
    ).toEqual([]);
    // Liveness must not depend on the datastores (a DB outage would restart every pod).
    expect(probeProblems(container, ["livenessProbe"], { path: "/api/health/live", port: 3000 })).toEqual([]);

    const cacheMount = container.volumeMounts?.find((mount) => mount.mountPath === "/app/apps/web/.next/cache");
    expect(cacheMount, "Next needs a writable .next/cache under a read-only root").toBeDefined();
    expect(pod.volumes?.find((volume) => volume.name === cacheMount!.name)?.emptyDir).toBeDefined();
    // Next's server.js binds to $HOSTNAME, which Kubernetes sets to the pod name.
    expect(container.env?.find((variable) => variable.name === "HOSTNAME")?.value).toBe("0.0.0.0");
  });

  it("web and worker take config from the ConfigMap and credentials from greenroom-secrets", () => {
    const config = find("ConfigMap", "greenroom-config");
    expect(Object.keys(config.data).sort()).toEqual(expect.arrayContaining(["APP_URL", "NODE_ENV", "REDIS_PREFIX"]));
    for (const name of ["web", "worker"]) {
      const container = podSpecOf(find("Deployment", name)).containers[0]!;
      expect(container.envFrom?.map((source) => source.configMapRef?.name)).toContain("greenroom-config");
      const refs = secretRefs(container);
      for (const variable of ["DATABASE_URL", "REDIS_URL", "AUTH_SECRET"]) {
        expect(refs.get(variable), `${name} ${variable}`).toEqual({ name: "greenroom-secrets", key: variable });
      }
      // The owner credentials belong to the migration Job only.
      expect(refs.has("DATABASE_OWNER_URL")).toBe(false);
    }
  });

  it("web Service, PodDisruptionBudget and HorizontalPodAutoscaler target the web pods", () => {
    const web = find("Deployment", "web");
    const podLabels = web.spec.template.metadata.labels;
    const container = podSpecOf(web).containers[0]!;

    const service = find("Service", "web");
    expect(isSubset(service.spec.selector, podLabels)).toBe(true);
    const port = service.spec.ports.find((candidate: Doc) => candidate.port === 80);
    expect(port).toBeDefined();
    const target =
      typeof port.targetPort === "number"
        ? port.targetPort
        : container.ports?.find((p) => p.name === port.targetPort)?.containerPort;
    expect(target).toBe(3000);

    const pdb = find("PodDisruptionBudget", "web");
    expect(isSubset(pdb.spec.selector.matchLabels, podLabels)).toBe(true);
    expect(pdb.spec.minAvailable ?? pdb.spec.maxUnavailable).toBeDefined();

    const hpa = find("HorizontalPodAutoscaler", "web");
    expect(hpa.apiVersion).toBe("autoscaling/v2");
    expect(hpa.spec.scaleTargetRef).toEqual({ apiVersion: "apps/v1", kind: "Deployment", name: "web" });
    expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(2);
    expect(hpa.spec.maxReplicas).toBeGreaterThan(hpa.spec.minReplicas);
    // With only a PDB of minAvailable 1 and one replica, a drain would block; keep the floor above it.
    expect(hpa.spec.minReplicas).toBeGreaterThan(pdb.spec.minAvailable ?? 0);
  });

  it("worker: probes /healthz on 9464 and gets 60 s to finish in-flight jobs", () => {
    const worker = find("Deployment", "worker");
    const pod = podSpecOf(worker);
    const container = pod.containers[0]!;
    expect(container.image).toMatch(/^ghcr\.io\/greenroom\/worker:/);
    expect(pod.terminationGracePeriodSeconds).toBe(60);
    expect(probeProblems(container, ["readinessProbe", "livenessProbe"], { path: "/healthz", port: 9464 })).toEqual([]);
  });

  it("migrate Job runs migrate-cli deploy as the owner from greenroom-migrations, bounded and cleaned up", () => {
    const job = find("Job", "migrate");
    const pod = podSpecOf(job);
    const container = pod.containers[0]!;
    expect(container.image).toMatch(/^ghcr\.io\/greenroom\/worker:/);
    expect([...(container.command ?? []), ...(container.args ?? [])]).toEqual([
      "node",
      "--import",
      "tsx",
      "packages/db/src/migrate-cli.ts",
      "deploy",
    ]);
    expect(secretRefs(container).get("DATABASE_OWNER_URL")).toEqual({
      name: "greenroom-migrations",
      key: "DATABASE_OWNER_URL",
    });
    expect(job.spec.backoffLimit).toBeGreaterThanOrEqual(1);
    expect(job.spec.ttlSecondsAfterFinished).toBeGreaterThan(0);
    expect(["Never", "OnFailure"]).toContain(pod.restartPolicy);
    expect(existsSync(path.join(repoRoot, "packages/db/src/migrate-cli.ts"))).toBe(true);
  });

  it("secrets.example.yaml holds only placeholders for every secret key the workloads read", () => {
    const examples = objects.filter(({ file }) => file === EXAMPLE_SECRETS).map(({ doc }) => doc);
    expect(examples.length).toBeGreaterThan(0);
    for (const secret of examples) {
      expect(secret.kind).toBe("Secret");
      expect(secret.data, "use stringData placeholders, not encoded values").toBeUndefined();
      for (const [key, value] of Object.entries(secret.stringData as Record<string, string>)) {
        expect(value, `${secret.metadata.name}.${key}`).toMatch(/CHANGE_ME/);
      }
    }
    for (const workload of workloads) {
      for (const container of containersOf(podSpecOf(workload))) {
        for (const { name, key } of secretRefs(container).values()) {
          const secret = examples.find((example) => example.metadata.name === name);
          expect(secret?.stringData?.[key], `${workload.metadata.name} reads ${name}/${key}`).toBeDefined();
        }
      }
    }
  });
});

// The checks above must fail when a manifest regresses; these break a copy in memory and expect
// each check to notice.
describe("manifest checks catch regressions", () => {
  const broken = (mutate: (doc: Doc) => void, name = "web") => {
    const copy = structuredClone(find("Deployment", name));
    mutate(copy);
    return copy;
  };

  it("flags a misspelt field that the schema alone would accept", () => {
    const doc = broken((d) => {
      const container = d.spec.template.spec.containers[0];
      container.readinesProbe = container.readinessProbe;
      delete container.readinessProbe;
    });
    expect(validateStrict(doc)).toEqual(["spec.template.spec.containers[0].readinesProbe"]);
  });

  it("rejects schema violations and unknown kinds", () => {
    expect(() => validateStrict(broken((d) => (d.spec.replicas = "two")))).toThrow(/replicas/);
    expect(() => validateStrict({ apiVersion: "apps/v1", kind: "StatefulSet", metadata: { name: "x" } })).toThrow(
      /No schema registered/,
    );
  });

  it("flags latest or untagged images, missing limits, root users and writable root filesystems", () => {
    const container = (d: Doc) => d.spec.template.spec.containers[0];
    const cases: Array<[(d: Doc) => void, RegExp]> = [
      [(d) => (container(d).image = "ghcr.io/greenroom/web:latest"), /not pinned/],
      [(d) => (container(d).image = "ghcr.io/greenroom/web"), /no tag/],
      [(d) => delete container(d).resources.limits, /no resources\.limits\.cpu/],
      [(d) => delete container(d).resources.requests.memory, /no resources\.requests\.memory/],
      [(d) => (container(d).securityContext.runAsUser = 0), /uid 0/],
      [(d) => (container(d).securityContext.runAsNonRoot = false), /runAsNonRoot/],
      [(d) => (container(d).securityContext.readOnlyRootFilesystem = false), /writable/],
      [(d) => (container(d).securityContext.allowPrivilegeEscalation = true), /allowPrivilegeEscalation/],
      [(d) => (container(d).securityContext.capabilities.drop = []), /capabilities/],
    ];
    for (const [mutate, expected] of cases) {
      expect(containerPolicyProblems(broken(mutate)).join("\n")).toMatch(expected);
    }
  });

  it("flags a probe pointed at the wrong path or port", () => {
    const container = broken((d) => (d.spec.template.spec.containers[0].livenessProbe.httpGet.path = "/")).spec.template
      .spec.containers[0];
    expect(probeProblems(container, ["livenessProbe"], { path: "/api/health", port: 3000 })).toHaveLength(1);
    const ported = broken((d) => (d.spec.template.spec.containers[0].readinessProbe.httpGet.port = 8080)).spec.template
      .spec.containers[0];
    expect(probeProblems(ported, ["readinessProbe"], { path: "/api/health", port: 3000 })).toHaveLength(1);
  });
});

// ---------------------------------------------------------------------------------------------
// Dockerfile and docker-compose.yml
// ---------------------------------------------------------------------------------------------

type DockerfileInstruction = { keyword: string; args: string };
type DockerfileStage = { name: string; from: string; instructions: DockerfileInstruction[] };

function parseDockerfile(text: string): DockerfileStage[] {
  const logical: string[] = [];
  let pending = "";
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (line.startsWith("#") || (line === "" && pending === "")) continue;
    if (line.endsWith("\\")) {
      pending += line.slice(0, -1) + " ";
      continue;
    }
    logical.push((pending + line).trim());
    pending = "";
  }
  if (pending) logical.push(pending.trim());

  const stages: DockerfileStage[] = [];
  for (const line of logical.filter(Boolean)) {
    const [, keyword = "", args = ""] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    if (keyword.toUpperCase() === "FROM") {
      const words = args.split(/\s+/).filter((word) => !word.startsWith("--"));
      const asIndex = words.findIndex((word) => word.toUpperCase() === "AS");
      stages.push({
        from: words[0]!,
        name: asIndex >= 0 ? words[asIndex + 1]! : String(stages.length),
        instructions: [],
      });
    } else {
      const stage = stages.at(-1);
      if (!stage) throw new Error(`Dockerfile instruction before FROM: ${line}`);
      stage.instructions.push({ keyword: keyword.toUpperCase(), args });
    }
  }
  return stages;
}

/** The stage and the stages it is built FROM, nearest first. */
function ancestry(stages: DockerfileStage[], name: string): DockerfileStage[] {
  const chain: DockerfileStage[] = [];
  for (let stage = stages.find((s) => s.name === name); stage; stage = stages.find((s) => s.name === stage!.from)) {
    chain.push(stage);
  }
  return chain;
}

/** The last value of an instruction in effect for a stage, inherited through its FROM chain. */
function effective(stages: DockerfileStage[], name: string, keyword: string): string | undefined {
  for (const stage of ancestry(stages, name)) {
    const found = stage.instructions.filter((instruction) => instruction.keyword === keyword).at(-1);
    if (found) return found.args;
  }
  return undefined;
}

const isNonRootUser = (user: string | undefined) => !!user && !/^(root|0)(:|$)/.test(user.trim());

const dockerfileText = read("infra/docker/Dockerfile");
const stages = parseDockerfile(dockerfileText);
const compose = parse(read("docker-compose.yml"), { merge: true }) as Doc;
const services = compose.services as Record<string, Doc>;
const rootPackage = JSON.parse(read("package.json")) as { packageManager: string };

function composeEnv(service: Doc): Record<string, string> {
  const env = service.environment ?? {};
  if (!Array.isArray(env)) return env;
  return Object.fromEntries(
    env.map((entry: string) => [entry.slice(0, entry.indexOf("=")), entry.slice(entry.indexOf("=") + 1)]),
  );
}

function healthcheckCommand(service: Doc): string {
  const test = service.healthcheck?.test;
  return Array.isArray(test) ? test.join(" ") : String(test ?? "");
}

describe("docker-compose.yml", () => {
  it("has the five services", () => {
    expect(Object.keys(services).sort()).toEqual(["postgres", "redis", "setup", "web", "worker"]);
  });

  it("pins every pulled image to a concrete version tag", () => {
    expect(services.postgres!.image).toMatch(/^postgres:16\.\d+-bookworm$/);
    expect(services.redis!.image).toMatch(/^redis:7\.4\.\d+-bookworm$/);
    for (const [name, service] of Object.entries(services)) {
      if (!service.build) expect(imageProblems(service.image), name).toEqual([]);
    }
  });

  it("builds app services from the Dockerfile targets that exist", () => {
    const expectedTargets = { setup: "worker", web: "web", worker: "worker" };
    for (const [name, target] of Object.entries(expectedTargets)) {
      const build = services[name]!.build;
      expect(build.context).toBe(".");
      expect(build.dockerfile).toBe("infra/docker/Dockerfile");
      expect(build.target, name).toBe(target);
      expect(stages.map((stage) => stage.name)).toContain(target);
    }
  });

  it("health-checks postgres, redis, web and worker", () => {
    expect(healthcheckCommand(services.postgres!)).toMatch(/pg_isready/);
    expect(healthcheckCommand(services.redis!)).toMatch(/redis-cli ping/);
    expect(healthcheckCommand(services.web!)).toMatch(/http:\/\/127\.0\.0\.1:3000\/api\/health/);
    expect(healthcheckCommand(services.worker!)).toMatch(/:9464\/healthz/);
    // Slim images have no curl or wget.
    for (const name of ["web", "worker"]) expect(healthcheckCommand(services[name]!)).not.toMatch(/curl|wget/);
  });

  it("keeps data in declared named volumes", () => {
    const declared = Object.keys(compose.volumes ?? {});
    expect(declared).toContain("pgdata");
    expect(services.postgres!.volumes).toContain("pgdata:/var/lib/postgresql/data");
    expect((services.redis!.volumes as string[]).some((volume) => volume.endsWith(":/data"))).toBe(true);
    for (const [name, service] of Object.entries(services)) {
      for (const volume of (service.volumes ?? []) as string[]) {
        const source = volume.split(":")[0]!;
        expect(source.startsWith(".") || source.startsWith("/"), `${name} bind-mounts ${source}`).toBe(false);
        expect(declared, `${name} uses undeclared volume ${source}`).toContain(source);
      }
    }
  });

  it("maps the documented host ports", () => {
    expect(services.postgres!.ports).toEqual(["54320:5432"]);
    expect(services.redis!.ports).toEqual(["63790:6379"]);
    expect(services.web!.ports).toEqual(["3000:3000"]);
  });

  it("runs Redis the way BullMQ needs it", () => {
    const command = [services.redis!.command].flat().join(" ");
    expect(command).toMatch(/--appendonly yes/);
    expect(command).toMatch(/--maxmemory-policy noeviction/);
  });

  it("orders startup: datastores healthy, then setup, then web and worker", () => {
    expect(services.setup!.depends_on).toEqual({
      postgres: { condition: "service_healthy" },
      redis: { condition: "service_healthy" },
    });
    expect(services.setup!.command).toEqual(["node", "--import", "tsx", "scripts/setup-database.ts"]);
    for (const name of ["web", "worker"]) {
      expect(services[name]!.depends_on?.setup).toEqual({ condition: "service_completed_successfully" });
    }
  });

  it("connects web and worker as the runtime role, and only setup as the superuser", () => {
    const setupEnv = composeEnv(services.setup!);
    expect(setupEnv.DATABASE_ADMIN_URL).toBe("postgresql://postgres:postgres@postgres:5432/postgres");
    for (const name of ["web", "worker"]) {
      const env = composeEnv(services[name]!);
      expect(new URL(env.DATABASE_URL!).username, name).toBe("greenroom_app");
      expect(env.REDIS_URL).toBe("redis://redis:6379");
      expect(env.AUTH_SECRET).toBe("${AUTH_SECRET:-change-me-in-production-32-bytes-min}");
      expect(env.APP_URL).toBe("http://localhost:3000");
      expect(env.DATABASE_ADMIN_URL).toBeUndefined();
      expect(env.DATABASE_OWNER_URL).toBeUndefined();
    }
  });
});

// ---------------------------------------------------------------------------------------------
// infra/docker/Dockerfile and .dockerignore
// ---------------------------------------------------------------------------------------------

describe("infra/docker/Dockerfile", () => {
  const stageNames = stages.map((stage) => stage.name);
  const stageText = (name: string) =>
    ancestry(stages, name)[0]!
      .instructions.map((i) => `${i.keyword} ${i.args}`)
      .join("\n");

  it("is multi-stage on a pinned Node 24 bookworm-slim image", () => {
    expect(stageNames).toEqual(expect.arrayContaining(["base", "deps", "build", "web", "worker"]));
    const external = stages.filter((stage) => !stageNames.includes(stage.from)).map((stage) => stage.from);
    expect(external.length).toBeGreaterThan(0);
    for (const image of external) expect(image).toMatch(/^node:24\.\d+\.\d+-bookworm-slim$/);
  });

  it("installs the pnpm that package.json pins", () => {
    const version = rootPackage.packageManager.replace(/^pnpm@/, "");
    expect(stageText("base")).toMatch(new RegExp(`npm (i|install) -g pnpm@${version.replaceAll(".", "\\.")}(\\s|$)`));
  });

  it("installs from the lockfile after copying what the postinstall needs", () => {
    const deps = ancestry(stages, "deps")[0]!.instructions;
    const install = deps.findIndex((i) => i.keyword === "RUN" && /pnpm install\b.*--frozen-lockfile/.test(i.args));
    expect(install).toBeGreaterThanOrEqual(0);
    const before = deps
      .slice(0, install)
      .filter((i) => i.keyword === "COPY")
      .map((i) => i.args)
      .join("\n");
    for (const needed of ["prisma", "prisma.config.ts", "scripts/no-schema-engine.sh"]) {
      expect(before).toMatch(new RegExp(`(^|\\s)${needed.replaceAll(".", "\\.")}(\\s|$)`, "m"));
      expect(existsSync(path.join(repoRoot, needed)), needed).toBe(true);
    }
    // The manifests come either straight from the context or from a stage that collects them.
    const manifestSources = [
      before,
      ...stages.filter((s) => before.includes(`--from=${s.name}`)).map((s) => stageText(s.name)),
    ].join("\n");
    for (const manifest of [
      "pnpm-lock.yaml",
      "pnpm-workspace.yaml",
      "apps/*/package.json",
      "packages/*/package.json",
    ]) {
      expect(manifestSources).toContain(manifest);
    }
  });

  it("builds the web app and ships Next's standalone output", () => {
    expect(stageText("build")).toMatch(/pnpm --filter @greenroom\/web build/);
    const web = stageText("web");
    expect(web).toMatch(/apps\/web\/\.next\/standalone/);
    expect(web).toMatch(/apps\/web\/\.next\/static/);
    expect(JSON.parse(effective(stages, "web", "CMD")!)).toEqual(["node", "apps/web/server.js"]);
    expect(effective(stages, "web", "EXPOSE")).toBe("3000");
  });

  it("health-checks web over /api/health with node (no curl in slim images)", () => {
    const healthcheck = effective(stages, "web", "HEALTHCHECK") ?? "";
    expect(healthcheck).toMatch(/http:\/\/127\.0\.0\.1:3000\/api\/health/);
    expect(healthcheck).toMatch(/CMD \["node"/);
  });

  it("runs the worker from TypeScript source with tsx", () => {
    expect(JSON.parse(effective(stages, "worker", "CMD")!)).toEqual([
      "node",
      "--import",
      "tsx",
      "apps/worker/src/main.ts",
    ]);
    expect(effective(stages, "worker", "EXPOSE")).toBe("9464");
  });

  it("runs every final target as a non-root user", () => {
    for (const target of ["web", "worker"]) {
      expect(isNonRootUser(effective(stages, target, "USER")), target).toBe(true);
    }
    expect(isNonRootUser("root")).toBe(false);
    expect(isNonRootUser("0:0")).toBe(false);
    expect(isNonRootUser(undefined)).toBe(false);
  });

  it(".dockerignore keeps host build state out but not the sources the image needs", () => {
    const patterns = read(".dockerignore")
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith("#"));
    for (const required of ["**/node_modules", "**/.next", ".data", ".git", "test-results"])
      expect(patterns).toContain(required);
    for (const needed of [
      "apps",
      "packages",
      "prisma",
      "scripts",
      "package.json",
      "pnpm-lock.yaml",
      "pnpm-workspace.yaml",
      ".npmrc",
      "prisma.config.ts",
    ]) {
      expect(patterns).not.toContain(needed);
    }
  });
});

// The images rely on files the apps own; each check starts biting once its file exists.
const nextConfig = ["next.config.ts", "next.config.mjs", "next.config.js"]
  .map((file) => `apps/web/${file}`)
  .find((file) => existsSync(path.join(repoRoot, file)));

describe("contracts the images rely on", () => {
  it.skipIf(!nextConfig)("apps/web builds Next's standalone output", () => {
    expect(read(nextConfig!)).toMatch(/output:\s*["']standalone["']/);
  });

  it.skipIf(!existsSync(path.join(repoRoot, "apps/worker/src")))("the worker entrypoint exists", () => {
    expect(existsSync(path.join(repoRoot, "apps/worker/src/main.ts"))).toBe(true);
  });

  it("tsx resolves from the repo root, where `node --import tsx` looks for it", () => {
    expect(() => createRequire(path.join(repoRoot, "package.json")).resolve("tsx")).not.toThrow();
  });
});
