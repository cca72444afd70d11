import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { assertPublicHost, BlockedAddressError, guardedFetch, isBlockedAddress, parseBaseUrl } from "./network";

const server = createServer((_request, response) => response.end("internal metadata"));
let url: string;
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/latest/meta-data`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("SSRF guard", () => {
  it("classifies loopback, private, link-local, CGNAT and mapped addresses as blocked", () => {
    for (const address of ["127.0.0.1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "::1", "fd00::1", "fe80::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1"]) {
      expect(isBlockedAddress(address), address).toBe(true);
    }
    for (const address of ["140.82.112.6", "8.8.8.8", "172.32.0.1", "2606:4700::1111"]) {
      expect(isBlockedAddress(address), address).toBe(false);
    }
  });

  it("refuses hosts that resolve to loopback (localhost) unless the operator allows private networks", async () => {
    await expect(assertPublicHost(new URL("http://localhost:1/"), { allowPrivateNetworks: false })).rejects.toThrow(BlockedAddressError);
    await expect(assertPublicHost(new URL("http://[::1]:1/"), { allowPrivateNetworks: false })).rejects.toThrow(BlockedAddressError);
    await expect(assertPublicHost(new URL("http://169.254.169.254/"), { allowPrivateNetworks: false })).rejects.toThrow(/link-local/);
    await expect(assertPublicHost(new URL("http://localhost:1/"), { allowPrivateNetworks: true })).resolves.toBeUndefined();
  });

  it("refuses the request itself: nothing reaches a loopback server", async () => {
    let hits = 0;
    server.on("request", () => (hits += 1));
    await expect(guardedFetch({ allowPrivateNetworks: false })(url)).rejects.toThrow(BlockedAddressError);
    expect(hits).toBe(0);
    const allowed = await guardedFetch({ allowPrivateNetworks: true })(url);
    expect(await allowed.text()).toBe("internal metadata");
    expect(hits).toBe(1);
  });

  it("accepts only http(s) base URLs without credentials", () => {
    expect(() => parseBaseUrl("file:///etc/passwd")).toThrow(/https/);
    expect(() => parseBaseUrl("https://user:pw@github.example.com")).toThrow(/credentials/);
    expect(parseBaseUrl("https://github.example.com/api/v3").pathname).toBe("/api/v3");
  });
});
