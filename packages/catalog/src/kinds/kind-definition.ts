import type { FieldChecker } from "../field-checker";

/** A Backstage kind we understand: the apiVersions it may be written with and its spec rules. */
export interface KindDefinition {
  kind: string;
  apiVersions: readonly string[];
  /** Checks `spec` (already known to be an object); issues go to `check` with paths under "spec". */
  validateSpec(spec: Record<string, unknown>, check: FieldChecker): void;
}

/** Core kinds accept both versions Backstage's schemas list. */
export const CORE_API_VERSIONS = ["backstage.io/v1alpha1", "backstage.io/v1beta1"] as const;

export const SPEC: ["spec"] = ["spec"];

/** Shared hints so every kind explains a field the same way. */
export const HINTS = {
  owner: 'Set it to the owning group or user, e.g. "team-payments" or "user:jdoe" (bare names mean a Group).',
  lifecycle: 'Use e.g. "experimental", "production" or "deprecated".',
  system: 'Set it to the system this belongs to, e.g. "payments" or "system:default/payments".',
  dependsOn:
    'List entity references with their kind, e.g. ["resource:payments-db", "component:ledger"]; Backstage has no default kind here.',
} as const;
