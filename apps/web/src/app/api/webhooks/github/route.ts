import { handleGithubWebhook } from "@greenroom/connectors";

// GitHub's webhook, one URL per integration: /api/webhooks/github?tenant=<org id>&integration=<id>.
// The HMAC-SHA256 signature covers the exact bytes GitHub sent, so the body is read as raw text
// and verified before anything is parsed or enqueued (packages/connectors/src/github/webhooks.ts).
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const rawBody = await request.text();
  const answer = await handleGithubWebhook({ tenantId: url.searchParams.get("tenant"), integrationId: url.searchParams.get("integration"), headers: request.headers, rawBody });
  return Response.json(answer.body, { status: answer.status });
}
