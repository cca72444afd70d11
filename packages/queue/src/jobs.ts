import { z } from "zod";

/**
 * The typed job registry: every job has a `domain.verb` name and a zod payload schema shared by
 * the producer (validated before enqueueing) and the worker (validated again when consumed).
 * Payloads never carry secrets: BullMQ stores them in Redis in clear text.
 */
export const jobSchemas = {
  "email.send": z.object({
    to: z.email(),
    subject: z.string().min(1).max(200),
    text: z.string().min(1).max(20_000),
    // Tenant the email is about, for logs; never the email body.
    tenantId: z.uuid().optional(),
  }),
  // Sets the Team subscription's quantity to the org's member count (packages/billing).
  "billing.sync-seats": z.object({ tenantId: z.uuid() }),
  // Periodic: ends expired payment grace periods, re-syncs seats of every subscribed org.
  "billing.reconcile": z.object({}),
  // One slice of an integration sync (packages/connectors): resumes the integration's open run.
  "integration.sync": z.object({
    tenantId: z.uuid(),
    integrationId: z.uuid(),
    trigger: z.enum(["schedule", "manual", "webhook", "setup"]),
  }),
  // A webhook's targeted sync of one repository (push / repository events).
  "integration.sync-repo": z.object({ tenantId: z.uuid(), integrationId: z.uuid(), repo: z.string().min(1).max(200) }),
} as const;

export type JobName = keyof typeof jobSchemas;
export type JobPayload<N extends JobName> = z.infer<(typeof jobSchemas)[N]>;

export const QUEUE_NAMES = { default: "default" } as const;

export const DEFAULT_JOB_OPTIONS = Object.freeze({
  attempts: 5,
  backoff: { type: "exponential", delay: 5_000, jitter: 0.5 },
  removeOnComplete: { age: 24 * 3600, count: 1_000 },
  removeOnFail: { age: 7 * 24 * 3600, count: 5_000 },
});

export function parseJobPayload<N extends JobName>(name: N, payload: unknown): JobPayload<N> {
  return jobSchemas[name].parse(payload) as JobPayload<N>;
}

export function isJobName(name: string): name is JobName {
  return Object.hasOwn(jobSchemas, name);
}
