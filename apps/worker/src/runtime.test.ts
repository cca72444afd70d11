import type { AddressInfo } from "node:net";

import { bullPrefix, createRedis, enqueue, QUEUE_NAMES } from "@greenroom/queue";
import { Queue, QueueEvents } from "bullmq";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startWorkerRuntime, type WorkerRuntime } from "./runtime";

// The worker against real Redis and a real SMTP server on loopback.

const received: { to: string; body: string }[] = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  onData(stream, session, callback) {
    let body = "";
    stream.on("data", (chunk: Buffer) => (body += chunk.toString()));
    stream.on("end", () => {
      received.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address).join(","), body });
      callback();
    });
  },
});

let runtime: WorkerRuntime;
let queueEvents: QueueEvents;

beforeAll(async () => {
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  process.env.SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
  runtime = await startWorkerRuntime({ concurrency: 2, healthPort: 0, log: () => undefined });
  queueEvents = new QueueEvents(QUEUE_NAMES.default, { connection: createRedis("worker"), prefix: bullPrefix() });
  await queueEvents.waitUntilReady();
});

afterAll(async () => {
  await runtime.close();
  await queueEvents.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

describe("worker", () => {
  it("delivers email.send jobs through SMTP", async () => {
    const id = await enqueue("email.send", { to: "new.teammate@example.test", subject: "You are invited", text: "Accept: http://x/invite/abc" });
    const queue = new Queue(QUEUE_NAMES.default, { connection: createRedis("producer"), prefix: bullPrefix() });
    await (await queue.getJob(id!))!.waitUntilFinished(queueEvents, 15_000);
    await queue.close();
    expect(received).toContainEqual(expect.objectContaining({ to: "new.teammate@example.test" }));
    expect(received.at(-1)!.body).toContain("Accept: http://x/invite/abc");
  });

  it("refuses a malformed payload at enqueue time, and fails one that bypassed the registry without retrying", async () => {
    await expect(enqueue("email.send", { to: "not-an-email", subject: "x", text: "y" })).rejects.toThrow(/Invalid email/);
    const queue = new Queue(QUEUE_NAMES.default, { connection: createRedis("producer"), prefix: bullPrefix() });
    const job = await queue.add("email.send", { to: "x" }, { attempts: 5 });
    await expect(job.waitUntilFinished(queueEvents, 15_000)).rejects.toThrow();
    const failed = await queue.getJob(job.id!);
    expect(failed!.attemptsMade).toBe(1);
    await queue.close();
  });

  it("answers /healthz with Redis status", async () => {
    const port = (runtime.health!.address() as AddressInfo).port;
    const response = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", redis: "ok" });
  });
});
