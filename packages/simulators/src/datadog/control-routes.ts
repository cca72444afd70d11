import { commonGetOperations, commonPostOperations, createControlRoutes, requireNumber as num, requireString as str } from "../shared/control-routes";
import type { DatadogKeys } from "./auth";
import type { DatadogControl } from "./control";
import type { MonitorState } from "./model";
import type { RateLimitFamily } from "./rate-limits";

// Datadog's /_control operations (the shared ones are in ../shared/control-routes.ts): per-family
// budgets, ticks, monitor states, SLO budgets, the incidents switch and keys.

export function createControlHandler(control: DatadogControl, keys: DatadogKeys) {
  return createControlRoutes({
    bodyLimitBytes: 5_000_000,
    post: {
      ...commonPostOperations(control),
      "rate-limit/remaining": (body) => control.setRemaining(str(body, "family") as RateLimitFamily, num(body, "remaining")),
      "rate-limit/enabled": (body) => control.setRateLimitsEnabled(body.enabled !== false),
      tick: (body) => control.tick(body.count === undefined ? 1 : num(body, "count"), body as never),
      "monitors/state": (body) => control.setMonitorState(num(body, "id"), str(body, "state") as MonitorState),
      "slos/budget": (body) => control.setSloBudget(str(body, "id"), body.position === null ? null : num(body, "position")),
      incidents: (body) => control.setIncidentsEnabled(body.enabled !== false, body.status === 403 || body.status === 404 ? body.status : undefined),
      keys: (body) => control.addKeys(body as never),
      "keys/remove": (body) => control.removeKeys(body as never),
    },
    get: {
      ...commonGetOperations(control),
      summary: () => control.summary(),
      // What a demo needs to connect.
      keys: () => ({ apiKeys: [...keys.apiKeys], appKeys: [...keys.appKeys] }),
    },
  });
}
