"use client";

import type { RouterOutputs } from "@greenroom/api";
import { Badge } from "@greenroom/ui";
import { useEffect, useState } from "react";

import { relativeTime } from "./relative-time";

type Freshness = RouterOutputs["operations"]["entity"]["freshness"][number];

const VENDOR = { PAGERDUTY: "PagerDuty", DATADOG: "Datadog", GITHUB: "GitHub" } as const;

/** "PagerDuty synced 40 s ago · next sync in 14 min", with a stale badge when the data is old or the last sync failed. */
export function FreshnessLine({ freshness }: { freshness: Freshness[] }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 10_000);
    return () => clearInterval(timer);
  }, []);
  if (freshness.length === 0) return null;
  return (
    <ul className="flex flex-wrap gap-x-5 gap-y-1 text-xs text-slate-500" aria-label="Data freshness">
      {freshness.map((entry) => (
        <li key={entry.integrationId} className="flex items-center gap-1.5" title={entry.problem ?? undefined}>
          <span className="font-medium text-slate-700">{VENDOR[entry.kind]}</span>
          <span>synced {relativeTime(entry.lastSuccessAt, now)}</span>
          {entry.nextSyncAt ? <span>· next sync {relativeTime(entry.nextSyncAt, now)}</span> : <span>· {entry.status === "PAUSED" ? "paused" : "not scheduled"}</span>}
          {entry.stale ? <Badge tone="amber">stale{entry.problem ? `: ${entry.problem.slice(0, 80)}` : ""}</Badge> : null}
        </li>
      ))}
    </ul>
  );
}
