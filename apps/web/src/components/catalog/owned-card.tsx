import { Card, CardHeader, EmptyState } from "@greenroom/ui";
import Link from "next/link";

import { KindBadge } from "./kind-badge";
import { OwnerLink } from "./owner-link";
import { entityHref, shortRef } from "./refs";

type Owned = { ref: string; kind: string; namespace: string; name: string; title: string | null; type: string | null; lifecycle: string | null; ownerRef: string | null; systemRef: string | null };

/** What a team (or a person, through their teams) owns, with a link to the full filtered catalog. */
export function OwnedCard({ orgSlug, owned, ownerRefs, showOwner = false }: { orgSlug: string; owned: { items: Owned[]; total: number }; ownerRefs: string[]; showOwner?: boolean }) {
  const catalogLink = `/${orgSlug}/catalog?${ownerRefs.map((ref) => `owner=${encodeURIComponent(ref)}`).join("&")}`;
  return (
    <Card>
      <CardHeader
        title="Owns"
        description={`${owned.total.toLocaleString()} entit${owned.total === 1 ? "y" : "ies"}`}
        actions={
          owned.total ? (
            <Link href={catalogLink} className="text-sm font-medium text-emerald-700 hover:underline">
              Open in catalog →
            </Link>
          ) : undefined
        }
      />
      {owned.items.length === 0 ? (
        <EmptyState title="Owns nothing yet" description="Entities name their owner in spec.owner." />
      ) : (
        <table className="w-full text-sm" data-testid="owned">
          <tbody className="divide-y divide-slate-100">
            {owned.items.map((item) => (
              <tr key={item.ref}>
                <td className="w-28 px-5 py-2">
                  <KindBadge kind={item.kind} />
                </td>
                <td className="px-2 py-2">
                  <Link href={entityHref(orgSlug, item)} className="font-medium text-slate-900 hover:text-emerald-700">
                    {item.title ?? item.name}
                  </Link>
                </td>
                <td className="px-2 py-2 text-slate-600">{item.type ?? ""}</td>
                <td className="px-2 py-2 text-slate-600">{item.lifecycle ?? ""}</td>
                <td className="px-2 py-2 text-slate-600">{item.systemRef ? shortRef(item.systemRef) : ""}</td>
                {showOwner ? (
                  <td className="px-5 py-2 text-right text-xs text-slate-500">
                    via <OwnerLink orgSlug={orgSlug} ownerRef={item.ownerRef} />
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {owned.total > owned.items.length ? <p className="border-t border-slate-100 px-5 py-2 text-xs text-slate-500">Showing {owned.items.length} of {owned.total}.</p> : null}
    </Card>
  );
}
