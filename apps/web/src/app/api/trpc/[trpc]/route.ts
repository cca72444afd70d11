import { appRouter, createContext } from "@greenroom/api";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";

import { currentUser } from "~/server/auth";
import { requestMeta } from "~/server/request-meta";

const handler = (request: Request) =>
  fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    createContext: async () => createContext({ session: await currentUser(), meta: requestMeta(request.headers) }),
  });

export { handler as GET, handler as POST };
