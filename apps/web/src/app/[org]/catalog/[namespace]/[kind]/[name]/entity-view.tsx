"use client";

import type { RouterOutputs } from "@greenroom/api";
import { Badge } from "@greenroom/ui";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { useRef, type KeyboardEvent, type ReactNode } from "react";

import { KindBadge } from "~/components/catalog/kind-badge";
import { OwnerLink } from "~/components/catalog/owner-link";
import { kindLabel } from "~/components/catalog/refs";
import { replaceQuery } from "~/components/catalog/replace-query";

import { ApiTab } from "./api-tab";
import { DependenciesTab } from "./dependencies-tab";
import { OperationsTab } from "./operations-tab";
import { OverviewTab } from "./overview-tab";
import { RelationsTab } from "./relations-tab";
import { YamlTab } from "./yaml-tab";

export type EntityData = RouterOutputs["catalog"]["entity"];

type Tab = { id: string; label: string; render: () => ReactNode };

// Kinds that run in production and so have on-call, incidents, monitors and SLOs.
const OPERATED_KINDS = new Set(["component", "system", "resource", "api"]);

export function EntityView({ orgSlug, entity }: { orgSlug: string; entity: EntityData }) {
  const pathname = usePathname();
  const params = useSearchParams();
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([]);

  const tabs: Tab[] = [
    { id: "overview", label: "Overview", render: () => <OverviewTab orgSlug={orgSlug} entity={entity} /> },
    { id: "relations", label: `Relations (${entity.relations.length})`, render: () => <RelationsTab orgSlug={orgSlug} entity={entity} /> },
    { id: "dependencies", label: "Dependencies", render: () => <DependenciesTab orgSlug={orgSlug} entity={entity} /> },
    ...(entity.kind === "api" ? [{ id: "api", label: "API", render: () => <ApiTab entity={entity} /> }] : []),
    ...(OPERATED_KINDS.has(entity.kind) ? [{ id: "operations", label: "Operations", render: () => <OperationsTab orgSlug={orgSlug} entity={entity} /> }] : []),
    { id: "yaml", label: "YAML", render: () => <YamlTab entity={entity} /> },
  ];
  const active = tabs.find((tab) => tab.id === params.get("tab")) ?? tabs[0]!;
  const select = (id: string) => {
    const next = new URLSearchParams(params);
    if (id === "overview") next.delete("tab");
    else next.set("tab", id);
    replaceQuery(pathname, next);
  };
  // Arrow keys move between tabs (the WAI-ARIA tabs pattern).
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = tabs.indexOf(active);
    const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = tabs[(index + step + tabs.length) % tabs.length]!;
    select(next.id);
    tabRefs.current[tabs.indexOf(next)]?.focus();
  };

  return (
    <div>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm text-slate-500">
        <Link href={`/${orgSlug}/catalog`} className="hover:text-slate-900">
          Catalog
        </Link>
        <span className="mx-1.5">/</span>
        <Link href={`/${orgSlug}/catalog?kind=${entity.kind}`} className="hover:text-slate-900">
          {kindLabel(entity.kind)}
        </Link>
        {entity.namespace !== "default" ? <span className="ml-1.5">in {entity.namespace}</span> : null}
      </nav>
      <div className="mb-5 flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-2">
            <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{entity.title ?? entity.name}</h1>
            <KindBadge kind={entity.kind} />
            {entity.type ? <Badge>{entity.type}</Badge> : null}
            {entity.lifecycle ? <Badge tone={entity.lifecycle === "production" ? "emerald" : entity.lifecycle === "deprecated" ? "red" : "amber"}>{entity.lifecycle}</Badge> : null}
            {entity.orphan ? <Badge tone="amber">orphan: its source was removed</Badge> : null}
          </div>
          {entity.title ? <p className="mt-0.5 font-mono text-xs text-slate-500">{entity.ref}</p> : null}
          {entity.description ? <p className="mt-1 max-w-3xl text-sm text-slate-600">{entity.description}</p> : null}
        </div>
        {entity.ownerRef ? (
          <div className="text-right text-sm">
            <p className="text-xs uppercase tracking-wide text-slate-500">Owner</p>
            <OwnerLink orgSlug={orgSlug} ownerRef={entity.ownerRef} />
          </div>
        ) : null}
      </div>
      <div role="tablist" aria-label="Entity" className="mb-5 flex gap-1 border-b border-slate-200" onKeyDown={onKeyDown}>
        {tabs.map((tab, index) => (
          <button
            key={tab.id}
            ref={(element) => {
              tabRefs.current[index] = element;
            }}
            type="button"
            role="tab"
            id={`tab-${tab.id}`}
            aria-selected={tab.id === active.id}
            aria-controls={`panel-${tab.id}`}
            tabIndex={tab.id === active.id ? 0 : -1}
            onClick={() => select(tab.id)}
            className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${tab.id === active.id ? "border-emerald-600 text-emerald-800" : "border-transparent text-slate-600 hover:text-slate-900"}`}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${active.id}`} aria-labelledby={`tab-${active.id}`}>
        {active.render()}
      </div>
    </div>
  );
}
