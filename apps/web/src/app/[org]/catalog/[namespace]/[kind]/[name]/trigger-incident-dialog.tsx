"use client";

import { Alert, Button, Field } from "@greenroom/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";

import { useTRPC } from "~/trpc/react";

import type { EntityData } from "./entity-view";

/** "Trigger incident": asks for a summary, then for confirmation, then pages PagerDuty. */
export function TriggerIncidentDialog({ orgSlug, entity, onClose }: { orgSlug: string; entity: EntityData; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [summary, setSummary] = useState("");
  const [confirming, setConfirming] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  const trigger = useMutation(
    trpc.operations.triggerIncident.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.operations.entity.queryKey() }),
    }),
  );
  const name = entity.title ?? entity.name;
  return (
    <dialog ref={dialog} onClose={onClose} aria-labelledby="trigger-incident-title" className="w-[32rem] max-w-[95vw] rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40">
      <form
        method="dialog"
        className="space-y-4 p-5"
        onSubmit={(event) => {
          event.preventDefault();
          if (!confirming) return setConfirming(true);
          trigger.mutate({ orgSlug, kind: entity.kind, namespace: entity.namespace, name: entity.name, summary, confirmed: true });
        }}
      >
        <h2 id="trigger-incident-title" className="text-lg font-semibold text-slate-900">
          Trigger a PagerDuty incident for {name}
        </h2>
        {trigger.isSuccess ? (
          <>
            <Alert tone="emerald" title="Incident triggered">
              PagerDuty accepted it{trigger.data.serviceName ? ` on ${trigger.data.serviceName}` : ""} ({trigger.data.via === "events" ? "Events API" : "REST API"}). It appears here after the sync that has just been requested.
            </Alert>
            <div className="flex justify-end">
              <Button type="button" onClick={() => dialog.current?.close()}>
                Done
              </Button>
            </div>
          </>
        ) : (
          <>
            <Field label="What is wrong?" id="incident-summary" hint="PagerDuty shows this to the responder; 5 to 1,024 characters.">
              <textarea
                id="incident-summary"
                className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-emerald-500 focus:outline-none focus:ring-1 focus:ring-emerald-500"
                rows={3}
                value={summary}
                maxLength={1024}
                required
                minLength={5}
                autoFocus
                onChange={(event) => {
                  setSummary(event.target.value);
                  setConfirming(false);
                }}
              />
            </Field>
            {confirming ? (
              <Alert tone="amber" title="Page the on-call responder now?">
                This creates a real incident in PagerDuty and notifies whoever is on call for {name}. The audit log records that you did it.
              </Alert>
            ) : null}
            {trigger.error ? <Alert title="Not triggered">{trigger.error.message}</Alert> : null}
            <div className="flex justify-end gap-2">
              <Button type="button" variant="secondary" onClick={() => dialog.current?.close()}>
                Cancel
              </Button>
              <Button type="submit" variant={confirming ? "danger" : "primary"} disabled={summary.trim().length < 5 || trigger.isPending}>
                {trigger.isPending ? "Paging…" : confirming ? "Yes, page on-call" : "Continue"}
              </Button>
            </div>
          </>
        )}
      </form>
    </dialog>
  );
}
