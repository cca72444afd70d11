import Link from "next/link";

type Usage = { planName: string; paymentGraceUntil: Date | null; seatsUsed: number; seatLimit: number | null };

/**
 * Shown across every page of the org while a failed payment is being retried (the grace
 * period), and when the org has more members than its plan allows (after a downgrade; nothing
 * was removed, new members are refused until an owner upgrades).
 */
export function BillingBanner({ orgSlug, usage, isOwner }: { orgSlug: string; usage: Usage; isOwner: boolean }) {
  const billingLink = isOwner ? (
    <Link href={`/${orgSlug}/settings/billing`} className="font-medium underline">
      {usage.paymentGraceUntil ? "Update the payment method" : "Upgrade"}
    </Link>
  ) : (
    <span>Ask an owner to {usage.paymentGraceUntil ? "update the payment method" : "upgrade"}.</span>
  );
  if (usage.paymentGraceUntil) {
    const day = usage.paymentGraceUntil.toLocaleDateString("en-US", { month: "long", day: "numeric", year: "numeric" });
    return (
      <div role="alert" data-testid="billing-banner" className="mb-6 rounded-md bg-red-50 px-4 py-3 text-sm text-red-800 ring-1 ring-inset ring-red-200">
        <strong>Payment failed.</strong> This organization stays on {usage.planName} until {day}, then moves to Free (no data is deleted). {billingLink}
      </div>
    );
  }
  if (usage.seatLimit !== null && usage.seatsUsed > usage.seatLimit) {
    return (
      <div role="status" data-testid="billing-banner" className="mb-6 rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-inset ring-amber-200">
        This organization has {usage.seatsUsed} members; {usage.planName} includes {usage.seatLimit}. Everyone keeps access, but no one new can join. {billingLink}
      </div>
    );
  }
  return null;
}
