import type { RouterOutputs } from "@greenroom/api";
import { Badge } from "@greenroom/ui";

export type OpsBadgeCounts = RouterOutputs["operations"]["badges"][string];

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/** The compact problem badges shown on catalog rows and team pages; nothing when all is well. */
export function OpsBadges({ badges }: { badges: OpsBadgeCounts | undefined }) {
  if (!badges) return null;
  return (
    <span className="inline-flex flex-wrap gap-1">
      {badges.openIncidents ? <Badge tone="red">{plural(badges.openIncidents, "incident")}</Badge> : null}
      {badges.alerting ? <Badge tone="red">{badges.alerting} alerting</Badge> : null}
      {badges.warning ? <Badge tone="amber">{badges.warning} warning</Badge> : null}
      {badges.slosBreached ? <Badge tone="red">SLO breached</Badge> : badges.slosAtRisk ? <Badge tone="amber">SLO at risk</Badge> : null}
      {badges.noData && !badges.alerting && !badges.warning ? <Badge>{badges.noData} no data</Badge> : null}
    </span>
  );
}
