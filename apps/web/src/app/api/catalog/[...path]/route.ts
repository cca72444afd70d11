import { handleRestRequest } from "@greenroom/api/rest";

// The Backstage-compatible catalog REST API (packages/api/src/rest): authenticated by org API
// tokens, never by the session cookie, and never cached.
export const dynamic = "force-dynamic";

export { handleRestRequest as GET, handleRestRequest as POST, handleRestRequest as PUT, handleRestRequest as PATCH, handleRestRequest as DELETE };
