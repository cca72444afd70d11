import type { PrismaClient } from "./generated/prisma/client";

/** The interactive-transaction client every repository runs on. */
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;
