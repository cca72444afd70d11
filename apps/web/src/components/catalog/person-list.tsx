import { Badge, EmptyState } from "@greenroom/ui";
import Link from "next/link";

import { ownerHref } from "./refs";

type Person = { ref: string; name: string; title: string | null; exists: boolean; profile: { displayName: string | null; email: string | null; picture: string | null } };

/** People or teams as a list of links; refs not in the catalog yet are listed but not linked. */
export function PersonList({ orgSlug, people, empty, testId }: { orgSlug: string; people: Person[]; empty: string; testId?: string }) {
  if (!people.length) return <EmptyState title={empty} />;
  return (
    <ul className="divide-y divide-slate-100" data-testid={testId}>
      {people.map((person) => {
        const label = person.profile.displayName ?? person.title ?? person.name;
        return (
          <li key={person.ref} className="flex items-center gap-3 px-5 py-2.5 text-sm">
            <span aria-hidden="true" className="grid h-8 w-8 shrink-0 place-items-center rounded-full bg-emerald-100 text-xs font-semibold text-emerald-800">
              {label.slice(0, 2).toUpperCase()}
            </span>
            <div className="min-w-0 flex-1">
              {person.exists ? (
                <Link href={ownerHref(orgSlug, person.ref)} className="font-medium text-slate-900 hover:text-emerald-700">
                  {label}
                </Link>
              ) : (
                <span className="font-medium text-slate-600">{label}</span>
              )}
              <p className="truncate text-xs text-slate-500">{person.profile.email ?? person.name}</p>
            </div>
            {person.exists ? null : <Badge tone="amber">not in catalog yet</Badge>}
          </li>
        );
      })}
    </ul>
  );
}
