import "server-only";

import { appRouter, createCallerFactory, createContext } from "@greenroom/api";
import { headers } from "next/headers";
import { cache } from "react";

import { currentUser } from "~/server/auth";
import { requestMeta } from "~/server/request-meta";

const createCaller = createCallerFactory(appRouter);

/** tRPC for server components: the same procedures, authorisation included, without HTTP. */
export const serverApi = cache(async () =>
  createCaller(createContext({ session: await currentUser(), meta: requestMeta(await headers()) })),
);
