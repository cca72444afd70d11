import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { isIP, type LookupFunction } from "node:net";

import { isPrivateAddress } from "./address-policy";

export type FetchUrlOptions = {
  /** Let URLs reach loopback/private/link-local addresses (local development, tests). */
  allowPrivateAddresses: boolean;
  timeoutMs: number;
  /** The body is read as a stream and abandoned past this many bytes. */
  maxBytes: number;
  maxRedirects?: number;
};

/** A URL could not be read; `message` says why in words, `notFound` tells a missing file apart. */
export class UrlReadError extends Error {
  constructor(
    message: string,
    readonly notFound = false,
  ) {
    super(message);
    this.name = "UrlReadError";
  }
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MiB` : `${Math.round(bytes / 1024)} KiB`;
}

const REFUSED = "points to a private, loopback or link-local address, which registered locations may not read";

/** A DNS lookup that refuses private addresses; Node's sockets call it for every connection. */
function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, "", 4);
      const allowed = allowPrivate ? addresses : addresses.filter((entry) => !isPrivateAddress(entry.address));
      if (allowed.length === 0) {
        const refusal = Object.assign(new Error(`${hostname} ${REFUSED}`), { code: "EGREENROOMPRIVATE" });
        return callback(refusal, "", 4);
      }
      if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, allowed);
      callback(null, allowed[0]!.address, allowed[0]!.family);
    });
  };
}

function checkUrl(url: URL, allowPrivate: boolean): void {
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new UrlReadError(`${url.href}: only http and https URLs can be registered`);
  }
  if (url.username || url.password) throw new UrlReadError(`${url.origin}: put credentials in an integration, not in the URL`);
  const host = url.hostname.replace(/^\[|\]$/g, "");
  // Sockets skip the lookup for IP literals, so those are checked here.
  if (!allowPrivate && isIP(host) && isPrivateAddress(host)) throw new UrlReadError(`${url.href} ${REFUSED}`);
}

function get(url: URL, options: FetchUrlOptions, signal: AbortSignal): Promise<IncomingMessage> {
  const send = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const request = send(url, {
      method: "GET",
      headers: { accept: "application/yaml, text/yaml, text/plain, */*", "user-agent": "Greenroom catalog" },
      lookup: guardedLookup(options.allowPrivateAddresses),
      signal,
    });
    request.on("response", resolve);
    request.on("error", reject);
    request.end();
  });
}

async function readBody(response: IncomingMessage, url: URL, maxBytes: number): Promise<string> {
  const declared = Number(response.headers["content-length"] ?? "0");
  if (declared > maxBytes) {
    response.destroy();
    throw new UrlReadError(`${url.href} is ${formatBytes(declared)}, over the ${formatBytes(maxBytes)} limit for one catalog file`);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of response as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > maxBytes) {
      response.destroy();
      throw new UrlReadError(`${url.href} is over the ${formatBytes(maxBytes)} limit for one catalog file`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * GETs a catalog file over http(s): private addresses refused after DNS resolution (unless
 * allowed), redirects followed and re-checked, bounded in time and size. Errors are UrlReadError
 * with a message an admin can act on.
 */
export async function fetchUrlText(target: string | URL, options: FetchUrlOptions): Promise<{ text: string; url: string }> {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    throw new UrlReadError(`"${String(target)}" is not a URL; use e.g. https://example.com/catalog-info.yaml`);
  }
  const signal = AbortSignal.timeout(options.timeoutMs);
  for (let hop = 0; hop <= (options.maxRedirects ?? 5); hop++) {
    checkUrl(url, options.allowPrivateAddresses);
    let response: IncomingMessage;
    try {
      response = await get(url, options, signal);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === "EGREENROOMPRIVATE") throw new UrlReadError(`${url.href}: ${(error as Error).message}`);
      if (signal.aborted) throw new UrlReadError(`${url.href} did not answer within ${Math.round(options.timeoutMs / 1000)} s`);
      if (code === "ENOTFOUND") throw new UrlReadError(`${url.href}: the host ${url.hostname} does not exist (DNS lookup failed)`);
      throw new UrlReadError(`${url.href} could not be reached: ${(error as Error).message}`);
    }
    const status = response.statusCode ?? 0;
    if (status >= 300 && status < 400 && response.headers.location) {
      response.resume();
      url = new URL(response.headers.location, url);
      continue;
    }
    if (status === 404 || status === 410) {
      response.resume();
      throw new UrlReadError(`${url.href} was not found (HTTP ${status})`, true);
    }
    if (status === 401 || status === 403) {
      response.resume();
      throw new UrlReadError(`${url.href} refused access (HTTP ${status}); private repositories are read through an integration`);
    }
    if (status !== 200) {
      response.resume();
      throw new UrlReadError(`${url.href} answered HTTP ${status}; try again later`);
    }
    try {
      return { text: await readBody(response, url, options.maxBytes), url: url.href };
    } catch (error) {
      if (error instanceof UrlReadError) throw error;
      throw new UrlReadError(`${url.href}: the download broke off (${(error as Error).message})`);
    }
  }
  throw new UrlReadError(`${String(target)} redirected more than ${options.maxRedirects ?? 5} times`);
}
