import { opsLinkKey } from "@greenroom/connectors/framework";
import type { TenantDb } from "@greenroom/db";

import { ofType, type OpsView } from "./records";

export type OnCallShift = {
  level: number;
  userName: string;
  userEmail: string | null;
  scheduleName: string | null;
  escalationPolicyId: string;
  escalationPolicyName: string | null;
  start: string | null;
  end: string | null;
};

export type PolicyOnCall = {
  policy: OpsView<"pagerduty.escalation_policy"> | null;
  policyId: string;
  now: OnCallShift[];
  next: OnCallShift[];
};

function covers(shift: OpsView<"pagerduty.oncall">, at: number): boolean {
  const start = shift.data.start ? Date.parse(shift.data.start) : Number.NEGATIVE_INFINITY;
  const end = shift.data.end ? Date.parse(shift.data.end) : Number.POSITIVE_INFINITY;
  return start <= at && at < end;
}

/**
 * Who is on call now (levels 1 and 2) and next for each escalation policy: the current shifts,
 * then per level the earliest shift starting after the current one.
 */
export async function onCallForPolicies(db: TenantDb, policyIds: string[], now = new Date()): Promise<PolicyOnCall[]> {
  if (policyIds.length === 0) return [];
  const rows = await db.opsRecords.byLinks(policyIds.map(opsLinkKey.pagerdutyPolicy), { types: ["pagerduty.escalation_policy", "pagerduty.oncall"] });
  const policies = ofType(rows, "pagerduty.escalation_policy");
  const shifts = ofType(rows, "pagerduty.oncall");
  const at = now.getTime();
  return policyIds.map((policyId) => {
    const policy = policies.find((entry) => entry.externalId === policyId) ?? null;
    const toShift = (shift: OpsView<"pagerduty.oncall">): OnCallShift => ({
      level: shift.data.level,
      userName: shift.data.userName,
      userEmail: shift.data.userEmail,
      scheduleName: shift.data.scheduleName,
      escalationPolicyId: policyId,
      escalationPolicyName: policy?.data.name ?? null,
      start: shift.data.start,
      end: shift.data.end,
    });
    const mine = shifts.filter((shift) => shift.data.escalationPolicyId === policyId && shift.data.level <= 2);
    const current = mine.filter((shift) => covers(shift, at));
    const upcoming = mine
      .filter((shift) => shift.data.start !== null && Date.parse(shift.data.start) > at)
      .sort((a, b) => Date.parse(a.data.start!) - Date.parse(b.data.start!));
    const next = [1, 2].flatMap((level) => {
      const shift = upcoming.find((entry) => entry.data.level === level);
      return shift ? [toShift(shift)] : [];
    });
    const nowShifts = current.sort((a, b) => a.data.level - b.data.level || a.data.userName.localeCompare(b.data.userName)).map(toShift);
    return { policy, policyId, now: nowShifts, next };
  });
}
