import { AUDIT_ACTIONS } from "@greenroom/accounts";
import { z } from "zod";

import { adminProcedure } from "../../trpc";

const ZCursor = z
  .string()
  .max(200)
  .transform((cursor, context) => {
    const [createdAt, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
    const date = new Date(createdAt ?? "");
    if (!id || Number.isNaN(date.getTime())) {
      context.addIssue({ code: "custom", message: "This page link is out of date; start from the first page" });
      return z.NEVER;
    }
    return { createdAt: date, id };
  });

export const ZListAuditEventsInput = z
  .object({
    // An exact action, or a whole area such as "member" (member.*).
    action: z.enum([...AUDIT_ACTIONS, "org", "member", "invitation", "billing"]).optional(),
    actorId: z.uuid("Choose a person").optional(),
    from: z.coerce.date().optional(),
    to: z.coerce.date().optional(),
    cursor: ZCursor.optional(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .refine((input) => !input.from || !input.to || input.from <= input.to, {
    message: "The start date must be before the end date",
    path: ["from"],
  });

export const listAuditEventsProcedure = adminProcedure
  .input(ZListAuditEventsInput)
  .query(async ({ ctx, input }) => {
    const isArea = input.action !== undefined && !input.action.includes(".");
    const rows = await ctx.db.auditEvents.list({
      actions: input.action && !isArea ? [input.action] : undefined,
      actionPrefix: isArea ? `${input.action}.` : undefined,
      actorId: input.actorId,
      from: input.from,
      to: input.to,
      after: input.cursor,
      limit: input.limit + 1,
    });
    const page = rows.slice(0, input.limit);
    const last = page.at(-1);
    return {
      events: page,
      nextCursor:
        rows.length > input.limit && last
          ? Buffer.from(`${last.createdAt.toISOString()}|${last.id}`).toString("base64url")
          : null,
    };
  });
