export const dynamic = "force-dynamic";

/**
 * Liveness only: the process answers. Kubernetes restarts a pod that fails this, so it must not
 * depend on Postgres or Redis (an outage there is readiness, reported by /api/health).
 */
export function GET() {
  return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
}
