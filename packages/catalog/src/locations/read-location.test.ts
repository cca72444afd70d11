import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { isPrivateAddress } from "./address-policy";
import { fetchUrlText, UrlReadError, type FetchUrlOptions } from "./fetch-url";
import { readLocation, type UrlReader } from "./read-location";

const component = (name: string) => `apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: ${name} }
spec: { type: service, lifecycle: production, owner: team-a }
`;
const location = (name: string, targets: string[], extra = "") =>
  `apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata: { name: ${name} }\nspec: { targets: [${targets.join(", ")}]${extra} }\n`;

const FILES: Record<string, string> = {
  "/root.yaml": [location("root", ["./a/a.yaml", "b.yaml", "./root.yaml"]), component("root-svc")].join("---\n"),
  "/a/a.yaml": [component("a-svc"), location("a-loc", ["../b.yaml", "./deeper/1.yaml"])].join("---\n"),
  "/b.yaml": [component("b-svc"), component("a-svc")].join("---\n"), // a-svc again: reported, kept once
  "/a/deeper/1.yaml": location("d1", ["./2.yaml"]),
  "/a/deeper/2.yaml": location("d2", ["./3.yaml"]),
  "/a/deeper/3.yaml": location("d3", ["./4.yaml"]),
  "/a/deeper/4.yaml": location("d4", ["./5.yaml"]),
  "/a/deeper/5.yaml": location("d5", ["./6.yaml"]),
  "/a/deeper/6.yaml": component("too-deep"),
  "/optional.yaml": [location("opt", ["./missing.yaml"], ", presence: optional"), location("req", ["./also-missing.yaml"])].join("---\n"),
  "/big.yaml": `# ${"x".repeat(4_000)}\n${component("big")}`,
};

let server: Server;
let origin = "";
const allowAll: FetchUrlOptions = { allowPrivateAddresses: true, timeoutMs: 5_000, maxBytes: 1024 * 1024 };

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    if (path === "/redirect") return void res.writeHead(301, { location: "/b.yaml" }).end();
    const file = FILES[path];
    if (file === undefined) return void res.writeHead(404).end();
    res.writeHead(200, { "content-type": "application/yaml" }).end(file);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const reader = (options: FetchUrlOptions): UrlReader => ({ canRead: () => true, read: async (url) => (await fetchUrlText(url, options)).text });

describe("the address policy", () => {
  it("refuses loopback, private, link-local and mapped addresses, allows public ones", () => {
    for (const address of ["127.0.0.1", "10.1.2.3", "172.20.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "::1", "fe80::1", "fd00::1", "::ffff:127.0.0.1", "[::1]"]) {
      expect(isPrivateAddress(address), address).toBe(true);
    }
    for (const address of ["93.184.216.34", "8.8.8.8", "2606:4700::1111"]) expect(isPrivateAddress(address), address).toBe(false);
  });
});

describe("fetchUrlText", () => {
  const strict: FetchUrlOptions = { ...allowAll, allowPrivateAddresses: false };

  it("refuses private addresses before connecting, also when a name resolves to one", async () => {
    await expect(fetchUrlText(`${origin}/root.yaml`, strict)).rejects.toThrow(/private, loopback or link-local/);
    await expect(fetchUrlText("http://10.0.0.1/catalog-info.yaml", strict)).rejects.toThrow(/private, loopback or link-local/);
    await expect(fetchUrlText("http://[::1]:1/x.yaml", strict)).rejects.toThrow(/private, loopback or link-local/);
    // localhost resolves to loopback: refused after DNS resolution.
    await expect(fetchUrlText(`http://localhost:${new URL(origin).port}/root.yaml`, strict)).rejects.toThrow(/private, loopback or link-local/);
    await expect(fetchUrlText("http://169.254.169.254/latest/meta-data", strict)).rejects.toThrow(UrlReadError);
    await expect(fetchUrlText("file:///etc/passwd", allowAll)).rejects.toThrow(/only http and https/);
  });

  it("follows redirects, reports 404 as not found and stops reading past the size limit", async () => {
    expect((await fetchUrlText(`${origin}/redirect`, allowAll)).url).toBe(`${origin}/b.yaml`);
    await expect(fetchUrlText(`${origin}/nope.yaml`, allowAll)).rejects.toMatchObject({ notFound: true, message: expect.stringContaining("not found (HTTP 404)") });
    await expect(fetchUrlText(`${origin}/big.yaml`, { ...allowAll, maxBytes: 1_000 })).rejects.toThrow(/over the 1 KiB limit/);
  });
});

describe("readLocation", () => {
  it("follows Location targets relative to each file, once each (cycles), depth-limited, annotating entities", async () => {
    const result = await readLocation(`${origin}/root.yaml`, { readers: [reader(allowAll)], maxDepth: 5 });
    expect(result.rootFailed).toBe(false);
    const names = result.entities.map((entity) => entity.entity.metadata.name);
    expect(names).toEqual(expect.arrayContaining(["root", "root-svc", "a-svc", "b-svc", "a-loc", "d1", "d2", "d3", "d4"]));
    expect(names).not.toContain("too-deep");
    expect(names.filter((name) => name === "a-svc")).toHaveLength(1);
    expect(result.files.filter((file) => file.endsWith("/b.yaml"))).toHaveLength(1);
    expect(result.errors.map((error) => error.rule).sort()).toEqual(["duplicate-entity", "fetch-failed"]);
    expect(result.errors.find((error) => error.rule === "fetch-failed")?.message).toMatch(/nested more than 5 locations deep/);
    const aSvc = result.entities.find((entity) => entity.entity.metadata.name === "a-svc")!;
    expect(aSvc.entity.metadata.annotations).toEqual({
      "backstage.io/managed-by-location": `url:${origin}/a/a.yaml`,
      "backstage.io/managed-by-origin-location": `url:${origin}/root.yaml`,
    });
  });

  it("skips a missing optional target silently, reports a missing required one, and says when the root itself failed", async () => {
    const result = await readLocation(`${origin}/optional.yaml`, { readers: [reader(allowAll)] });
    expect(result.errors).toEqual([expect.objectContaining({ rule: "fetch-failed", message: expect.stringContaining("also-missing.yaml was not found") })]);
    const missing = await readLocation(`${origin}/nothing-here.yaml`, { readers: [reader(allowAll)] });
    expect(missing).toMatchObject({ rootFailed: true, entities: [] });
  });
});
