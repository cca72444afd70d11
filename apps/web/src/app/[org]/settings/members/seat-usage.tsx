import Link from "next/link";

type Usage = { plan: string; planName: string; seatsUsed: number; pendingInvitations: number; seatLimit: number | null; trialDaysLeft: number | null };

/**
 * The plan's member limit before anyone hits it: "4 of 5 seats on Free — upgrade to Team for
 * more". Pending invitations count, as the server counts them when it refuses the next one.
 */
export function SeatUsage({ orgSlug, usage, isOwner }: { orgSlug: string; usage: Usage; isOwner: boolean }) {
  const used = usage.seatsUsed + usage.pendingInvitations;
  const pending = usage.pendingInvitations ? ` (${usage.seatsUsed} member${usage.seatsUsed === 1 ? "" : "s"}, ${usage.pendingInvitations} pending invitation${usage.pendingInvitations === 1 ? "" : "s"})` : "";
  const upgrade = isOwner ? (
    <Link href={`/${orgSlug}/settings/billing`} className="font-medium text-emerald-700 underline">
      upgrade to Team for more
    </Link>
  ) : (
    "ask an owner to upgrade to Team for more"
  );
  if (usage.seatLimit === null) {
    const trial = usage.trialDaysLeft !== null ? ` during the trial (${usage.trialDaysLeft} day${usage.trialDaysLeft === 1 ? "" : "s"} left; Free allows 5)` : "";
    return (
      <p className="text-sm text-slate-600" data-testid="seat-usage">
        {used} seat{used === 1 ? "" : "s"}{pending} on {usage.planName}
        {usage.plan === "TEAM" && usage.trialDaysLeft === null ? ", billed per member" : ""}
        {trial}.
      </p>
    );
  }
  const full = used >= usage.seatLimit;
  return (
    <p className={full ? "text-sm text-amber-800" : "text-sm text-slate-600"} data-testid="seat-usage">
      {used} of {usage.seatLimit} seats{pending} on {usage.planName} — {upgrade}.
    </p>
  );
}
