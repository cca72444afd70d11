"use client";

import { Badge, Card, CardHeader } from "@greenroom/ui";
import Link from "next/link";
import type { ReactNode } from "react";

import { OwnerLink } from "~/components/catalog/owner-link";
import { entityHref, kindLabel, shortRef } from "~/components/catalog/refs";

import type { EntityData } from "./entity-view";

type Metadata = { links?: { url: string; title?: string; type?: string }[]; labels?: Record<string, string>; annotations?: Record<string, string> };

const SOURCE_KINDS = { PUSH: "Push API", UPLOAD: "Upload", LOCATION: "Registered URL", INTEGRATION: "Integration" } as const;

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[8rem_1fr] gap-3 px-5 py-2.5 text-sm">
      <dt className="text-slate-500">{label}</dt>
      <dd className="min-w-0 text-slate-900">{children}</dd>
    </div>
  );
}

const none = <span className="text-slate-400">—</span>;

function RefLink({ orgSlug, refValue, exists = true }: { orgSlug: string; refValue: string | null; exists?: boolean }) {
  if (!refValue) return none;
  return exists ? (
    <Link href={entityHref(orgSlug, refValue)} className="text-emerald-700 hover:underline">
      {shortRef(refValue)}
    </Link>
  ) : (
    <span>
      {shortRef(refValue)} <span className="text-xs text-slate-400">(not in catalog yet)</span>
    </span>
  );
}

function KeyValues({ values }: { values: Record<string, string> | undefined }) {
  const entries = Object.entries(values ?? {});
  if (!entries.length) return <p className="px-5 py-4 text-sm text-slate-500">None</p>;
  return (
    <dl className="divide-y divide-slate-100">
      {entries.map(([key, value]) => (
        <div key={key} className="grid grid-cols-[minmax(10rem,40%)_1fr] gap-3 px-5 py-2 text-sm">
          <dt className="truncate font-mono text-xs text-slate-500" title={key}>
            {key}
          </dt>
          <dd className="break-all font-mono text-xs text-slate-800">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function OverviewTab({ orgSlug, entity }: { orgSlug: string; entity: EntityData }) {
  const metadata = ((entity.document as { metadata?: Metadata } | null)?.metadata ?? {}) as Metadata;
  const exists = (ref: string | null) => !ref || entity.relations.some((relation) => relation.targetRef === ref && relation.targetExists);
  const links = metadata.links ?? [];
  return (
    <div className="grid gap-5 lg:grid-cols-2">
      <Card>
        <CardHeader title="About" />
        <dl className="divide-y divide-slate-100">
          <Row label="Description">{entity.description ?? none}</Row>
          <Row label="Owner">
            <OwnerLink orgSlug={orgSlug} ownerRef={entity.ownerRef} />
          </Row>
          <Row label="System">
            <RefLink orgSlug={orgSlug} refValue={entity.systemRef} exists={exists(entity.systemRef)} />
          </Row>
          <Row label="Domain">
            <RefLink orgSlug={orgSlug} refValue={entity.domainRef} exists={exists(entity.domainRef) || entity.kind !== "system"} />
          </Row>
          <Row label="Kind">{kindLabel(entity.kind)}</Row>
          <Row label="Type">{entity.type ?? none}</Row>
          <Row label="Lifecycle">{entity.lifecycle ?? none}</Row>
          <Row label="Namespace">{entity.namespace}</Row>
          <Row label="Tags">
            {entity.tags.length ? (
              <div className="flex flex-wrap gap-1">
                {entity.tags.map((tag) => (
                  <Link key={tag} href={`/${orgSlug}/catalog?tag=${encodeURIComponent(tag)}`}>
                    <Badge>{tag}</Badge>
                  </Link>
                ))}
              </div>
            ) : (
              none
            )}
          </Row>
        </dl>
      </Card>
      <div className="space-y-5">
        <Card>
          <CardHeader title="Links" />
          {links.length ? (
            <ul className="divide-y divide-slate-100">
              {links.map((link) => (
                <li key={link.url} className="px-5 py-2.5 text-sm">
                  <a href={link.url} target="_blank" rel="noreferrer noopener" className="font-medium text-emerald-700 hover:underline">
                    {link.title ?? link.url}
                  </a>
                  {link.title ? <p className="truncate text-xs text-slate-500">{link.url}</p> : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="px-5 py-4 text-sm text-slate-500">No links. Add them under metadata.links.</p>
          )}
        </Card>
        <Card>
          <CardHeader title="Source" description="Where this entity comes from; only that source can change it." />
          <dl className="divide-y divide-slate-100">
            {entity.source ? (
              <>
                <Row label="Source">
                  <span className="font-mono text-xs">{entity.source.name}</span>
                </Row>
                <Row label="Via">{SOURCE_KINDS[entity.source.kind]}</Row>
                {entity.source.target ? <Row label="Target">{entity.source.target}</Row> : null}
                <Row label="Last written">{entity.source.lastMutationAt ? entity.source.lastMutationAt.toLocaleString() : none}</Row>
              </>
            ) : (
              <Row label="Source">
                <span className="text-amber-700">None: its source was removed {entity.orphanedAt ? `on ${entity.orphanedAt.toLocaleDateString()}` : ""}. An admin can remove it, or another source can adopt it.</span>
              </Row>
            )}
            <Row label="Updated">{entity.updatedAt.toLocaleString()}</Row>
          </dl>
        </Card>
      </div>
      <Card>
        <CardHeader title="Labels" />
        <KeyValues values={metadata.labels} />
      </Card>
      <Card>
        <CardHeader title="Annotations" />
        <KeyValues values={metadata.annotations} />
      </Card>
    </div>
  );
}
