import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";

import { connectorsEnv } from "../env";

/**
 * SSRF guard for operator-configurable base URLs (GitHub Enterprise Server, etc.): a tenant admin
 * must not be able to point a connector at our own network. Hosts are resolved and every address
 * checked; loopback, private, link-local, CGNAT, multicast and reserved ranges are refused unless
 * INTEGRATIONS_ALLOW_PRIVATE_NETWORKS=true. The check runs before every request (guardedFetch),
 * so a DNS answer that changes after setup is caught too.
 */
export class BlockedAddressError extends Error {
  constructor(
    readonly host: string,
    readonly address: string,
  ) {
    super(`Refused to connect to ${host}: it resolves to ${address}, a private, loopback or link-local address. Ask your operator to allow private networks if this is intended.`);
  }
}

const blocked = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  blocked.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
  ["64:ff9b::", 96],
  ["2001:db8::", 32],
] as const) {
  blocked.addSubnet(network, prefix, "ipv6");
}

export function isBlockedAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blocked.check(address, "ipv4");
  if (family === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped) return blocked.check(mapped[1]!, "ipv4");
    return blocked.check(address, "ipv6");
  }
  return true;
}

export type NetworkPolicy = { allowPrivateNetworks: boolean };

export function networkPolicyFromEnv(): NetworkPolicy {
  return { allowPrivateNetworks: connectorsEnv().INTEGRATIONS_ALLOW_PRIVATE_NETWORKS };
}

/** Parses and checks a configured base URL: http(s) only, no credentials in it. */
export function parseBaseUrl(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`"${value}" is not a URL`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error("The base URL must start with https:// (or http://)");
  if (url.username || url.password) throw new Error("The base URL must not contain credentials");
  return url;
}

/** Resolves the host and refuses blocked addresses (unless the operator allows them). */
export async function assertPublicHost(url: URL, policy: NetworkPolicy = networkPolicyFromEnv()): Promise<void> {
  if (policy.allowPrivateNetworks) return;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const addresses = isIP(host) ? [{ address: host }] : await lookup(host, { all: true, verbatim: true });
  if (addresses.length === 0) throw new Error(`${host} does not resolve`);
  for (const { address } of addresses) {
    if (isBlockedAddress(address)) throw new BlockedAddressError(host, address);
  }
}

/** A fetch that checks every destination (including redirects, which it refuses to follow blindly). */
export function guardedFetch(policy: NetworkPolicy = networkPolicyFromEnv(), inner: typeof fetch = fetch): typeof fetch {
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    await assertPublicHost(url, policy);
    return inner(input, { ...init, redirect: "manual" });
  };
}
