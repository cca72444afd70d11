"use client";

import type { RouterOutputs } from "@greenroom/api";
import { Alert, Badge, Button, EmptyState, Input, Skeleton } from "@greenroom/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useState } from "react";

import { entityHref } from "~/components/catalog/refs";
import { useTRPC } from "~/trpc/react";

type Service = RouterOutputs["operations"]["serviceMappings"][number];
type MappableType = "pagerduty.service" | "datadog.service";

function MappingRow({ orgSlug, integrationId, type, service }: { orgSlug: string; integrationId: string; type: MappableType; service: Service }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [manualRef, setManualRef] = useState("");
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.operations.serviceMappings.queryKey({ orgSlug, integrationId, type }) });
  const confirm = useMutation(trpc.operations.confirmMapping.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.operations.removeMapping.mutationOptions({ onSuccess: refresh }));
  const link = service.link;
  const confirmRef = (entityRef: string) => confirm.mutate({ orgSlug, integrationId, type, externalId: service.externalId, entityRef });
  return (
    <tr data-testid={`mapping-${service.name}`}>
      <td className="py-2 pr-3 align-top">
        {service.url ? (
          <a href={service.url} target="_blank" rel="noreferrer" className="font-medium text-slate-900 hover:underline">
            {service.name}
          </a>
        ) : (
          <span className="font-medium text-slate-900">{service.name}</span>
        )}
      </td>
      <td className="py-2 align-top">
        {link.status === "annotation" ? (
          <span className="flex flex-wrap items-center gap-2">
            <Badge tone="emerald">by annotation</Badge>
            {link.entities.map((entity) => (
              <Link key={entity.ref} href={entityHref(orgSlug, entity.ref)} className="text-emerald-700 hover:underline">
                {entity.name}
              </Link>
            ))}
          </span>
        ) : link.status === "mapped" ? (
          <span className="flex flex-wrap items-center gap-2">
            <Badge tone="sky">confirmed</Badge>
            <Link href={entityHref(orgSlug, link.entityRef)} className="text-emerald-700 hover:underline">
              {link.entityRef}
            </Link>
            <Button size="sm" variant="ghost" loading={remove.isPending} onClick={() => remove.mutate({ orgSlug, integrationId, linkKey: service.linkKey })}>
              Unlink
            </Button>
          </span>
        ) : (
          <div className="space-y-1.5">
            <span className="flex flex-wrap items-center gap-2">
              <Badge tone="amber">not linked</Badge>
              {link.suggestions.length ? <span className="text-xs text-slate-500">Suggested by name — confirm to link:</span> : <span className="text-xs text-slate-500">No catalog entity has a similar name.</span>}
              {link.suggestions.map((suggestion) => (
                <Button key={suggestion.ref} size="sm" variant="secondary" loading={confirm.isPending} onClick={() => confirmRef(suggestion.ref)}>
                  Link to {suggestion.title ?? suggestion.name}
                </Button>
              ))}
            </span>
            <form
              className="flex gap-2"
              onSubmit={(event) => {
                event.preventDefault();
                if (manualRef.trim()) confirmRef(manualRef.trim());
              }}
            >
              <Input aria-label={`Entity ref for ${service.name}`} className="h-8 max-w-72 text-xs" placeholder="component:default/payments" value={manualRef} onChange={(event) => setManualRef(event.target.value)} />
              <Button size="sm" variant="secondary" type="submit" disabled={!manualRef.trim()}>
                Link
              </Button>
            </form>
            {confirm.error ? <p className="text-xs text-red-600">{confirm.error.message}</p> : null}
          </div>
        )}
      </td>
    </tr>
  );
}

/**
 * Which upstream services reach the catalog and how. Services with an annotation link by
 * themselves; the rest get name-match suggestions that link only once an admin confirms them.
 */
export function ServiceMappingCard({ orgSlug, integrationId, type, syncedAt }: { orgSlug: string; integrationId: string; type: MappableType; syncedAt: Date | null }) {
  const trpc = useTRPC();
  const [showLinked, setShowLinked] = useState(false);
  const query = useQuery(trpc.operations.serviceMappings.queryOptions({ orgSlug, integrationId, type }));
  // A finished sync may bring new services: read them again.
  const { refetch } = query;
  const syncedKey = syncedAt ? new Date(syncedAt).getTime() : 0;
  useEffect(() => {
    if (syncedKey) void refetch();
  }, [syncedKey, refetch]);
  if (query.isPending) return <Skeleton className="h-24" />;
  if (query.error) return <Alert>{query.error.message}</Alert>;
  const services = query.data;
  if (services.length === 0)
    return (
      <div data-testid="service-mappings">
        <EmptyState title="No services synced yet" description="Services appear here after the first sync." />
      </div>
    );
  const unlinked = services.filter((service) => service.link.status === "unlinked");
  const shown = showLinked ? services : unlinked;
  return (
    <div className="space-y-2" data-testid="service-mappings">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm font-medium text-slate-900">
          Services → catalog: {services.length - unlinked.length} of {services.length} linked
          {unlinked.length ? <span className="ml-2 font-normal text-amber-700">{unlinked.length} not linked</span> : null}
        </p>
        <Button size="sm" variant="ghost" onClick={() => setShowLinked((value) => !value)}>
          {showLinked ? "Show only unlinked" : "Show all services"}
        </Button>
      </div>
      {shown.length === 0 ? (
        <p className="text-sm text-slate-500">Every service is linked to the catalog.</p>
      ) : (
        <div className="max-h-96 overflow-y-auto">
          <table className="w-full text-sm">
            <tbody className="divide-y divide-slate-100">
              {shown.slice(0, 200).map((service) => (
                <MappingRow key={service.externalId} orgSlug={orgSlug} integrationId={integrationId} type={type} service={service} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
