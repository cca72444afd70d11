import { pingDatabase } from "@greenroom/db";
import { pingRedis } from "@greenroom/queue";

export const dynamic = "force-dynamic";

async function check(probe: () => Promise<void>, timeoutMs = 2_000): Promise<"ok" | "down"> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      probe(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error("timeout")), timeoutMs);
      }),
    ]);
    return "ok";
  } catch {
    return "down";
  } finally {
    clearTimeout(timer);
  }
}

/** Liveness and readiness for load balancers and probes: 503 names what is down. */
export async function GET() {
  const [db, redis] = await Promise.all([check(pingDatabase), check(() => pingRedis())]);
  const ok = db === "ok" && redis === "ok";
  return Response.json(
    { status: ok ? "ok" : "degraded", db, redis },
    { status: ok ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
