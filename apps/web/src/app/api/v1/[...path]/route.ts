import { handleRestRequest } from "@greenroom/api/rest";

// The push API for CI (`/api/v1/sources/{source}`), same router as the catalog REST API.
export const dynamic = "force-dynamic";

export { handleRestRequest as GET, handleRestRequest as POST, handleRestRequest as PUT, handleRestRequest as PATCH, handleRestRequest as DELETE };
