import { Badge } from "@greenroom/ui";

const TONES: Record<string, "red" | "amber" | "emerald" | "slate" | "sky"> = { Alert: "red", Warn: "amber", OK: "emerald", "No Data": "slate" };

export function MonitorState({ state }: { state: string }) {
  return <Badge tone={TONES[state] ?? "slate"}>{state}</Badge>;
}

export function IncidentStatus({ status }: { status: string }) {
  const tone = status === "triggered" || status === "active" ? "red" : status === "acknowledged" || status === "stable" ? "amber" : "emerald";
  return <Badge tone={tone}>{status}</Badge>;
}
