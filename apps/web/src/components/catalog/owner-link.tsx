import Link from "next/link";

import { ownerHref, shortRef } from "./refs";

/** An owner everywhere links to its team (or user) page. */
export function OwnerLink({ orgSlug, ownerRef }: { orgSlug: string; ownerRef: string | null | undefined }) {
  if (!ownerRef) return <span className="text-slate-400">—</span>;
  return (
    <Link href={ownerHref(orgSlug, ownerRef)} className="text-emerald-700 hover:underline">
      {shortRef(ownerRef)}
    </Link>
  );
}
