"use client";

import { PLAN_ORDER, PLANS, type PlanId } from "@greenroom/billing/plans";
import { Badge, Button, Card } from "@greenroom/ui";

import { formatMoney } from "./format";

type TeamPrice = { unitAmount: number; currency: string; interval: string } | null | undefined;

function priceLine(plan: PlanId, teamPrice: TeamPrice): string {
  const pricing = PLANS[plan].pricing;
  if (pricing === "free") return "Free";
  if (pricing === "contact_us") return "Contact us";
  return teamPrice ? `${formatMoney(teamPrice.unitAmount, teamPrice.currency)} per seat / ${teamPrice.interval}` : "Per seat";
}

/** The three plans side by side, with the action each one allows from here. */
export function PlanCards({
  current,
  teamPrice,
  canUpgrade,
  upgrading,
  onUpgrade,
}: {
  current: PlanId;
  teamPrice: TeamPrice;
  canUpgrade: boolean;
  upgrading: boolean;
  onUpgrade: () => void;
}) {
  return (
    <div className="grid grid-cols-1 gap-4 md:grid-cols-3">
      {PLAN_ORDER.map((id) => {
        const plan = PLANS[id];
        return (
          <Card key={id} className="flex flex-col p-5" data-testid={`plan-${id}`}>
            <div className="flex items-center justify-between">
              <h3 className="text-base font-semibold text-slate-900">{plan.name}</h3>
              {id === current ? <Badge tone="emerald">Current</Badge> : null}
            </div>
            <p className="mt-1 text-sm text-slate-600">{priceLine(id, teamPrice)}</p>
            <ul className="mt-4 flex-1 space-y-1.5 text-sm text-slate-700">
              {plan.highlights.map((line) => (
                <li key={line} className="flex gap-2">
                  <span className="text-emerald-600">✓</span>
                  {line}
                </li>
              ))}
            </ul>
            <div className="mt-5">
              {id === "TEAM" && canUpgrade ? (
                <Button className="w-full" loading={upgrading} onClick={onUpgrade}>
                  Upgrade to Team
                </Button>
              ) : id === "ENTERPRISE" && current !== "ENTERPRISE" ? (
                <a
                  href="mailto:sales@greenroom.dev?subject=Greenroom%20Enterprise"
                  className="block rounded-md px-3.5 py-2 text-center text-sm font-medium text-slate-900 ring-1 ring-inset ring-slate-300 hover:bg-slate-50"
                >
                  Contact sales
                </a>
              ) : null}
            </div>
          </Card>
        );
      })}
    </div>
  );
}
