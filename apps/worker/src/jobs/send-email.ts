import type { JobPayload } from "@greenroom/queue";
import { UnrecoverableError } from "bullmq";
import nodemailer from "nodemailer";

import { workerEnv } from "../env";

let transport: nodemailer.Transporter | undefined;

/** email.send: delivers one message through the configured SMTP server. */
export async function sendEmail(payload: JobPayload<"email.send">): Promise<void> {
  const env = workerEnv();
  // Without SMTP the web app never enqueues mail; one that slipped through cannot succeed later.
  if (!env.SMTP_URL) throw new UnrecoverableError("SMTP_URL is not configured");
  transport ??= nodemailer.createTransport(env.SMTP_URL);
  await transport.sendMail({ from: env.SMTP_FROM, to: payload.to, subject: payload.subject, text: payload.text });
}
