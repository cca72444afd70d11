import type { Found, Missing } from "./discover.mjs";

export const DEFAULT_REDIS_PORT: number;
export const LOCAL_REDIS_PORT: number;
export class RedisReplyError extends Error {}
export function encodeCommand(args: (string | number)[]): Buffer;
export function parseReply(
  buffer: Buffer,
  offset?: number,
): { value: unknown; next: number } | undefined;
export function redisCommand(options: {
  host?: string;
  port: number;
  args: (string | number)[];
  timeoutMs?: number;
  expectClose?: boolean;
}): Promise<unknown>;
export function redisPing(
  host: string,
  port: number,
  timeoutMs?: number,
): Promise<"PONG">;
export function probeDefaultRedis(options?: {
  host?: string;
  port?: number;
}): Promise<Found | Missing>;
export function startLocalRedis(options: {
  root: string;
  port?: number;
  log?: { info(message: string): void };
}): Promise<Found | Missing>;
