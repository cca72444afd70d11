import type { AfterCommit } from "./tenancy";

/** Told the tenant id after a transaction that wrote any catalog row has committed. */
export type CatalogChangeListener = (tenantId: string) => Promise<void>;

// On globalThis and by name: Next.js dev reloads modules, and a listener registered again after a
// reload replaces the one from before it instead of running twice.
const registry = globalThis as unknown as { greenroomCatalogListeners?: Map<string, CatalogChangeListener> };
const listeners = () => (registry.greenroomCatalogListeners ??= new Map());

/**
 * Registers `listener` (under `name`) for every committed catalog write of this process. The
 * catalog's read cache registers its generation bump here (packages/catalog/src/reads/
 * generation.ts), so every write path (engine, REST, connectors, anything added later)
 * invalidates cached reads: the repositories report their own writes, no caller has to remember.
 */
export function onCatalogCommitted(name: string, listener: CatalogChangeListener): void {
  listeners().set(name, listener);
}

/**
 * For one tenant transaction: the returned `changed()` is called by every catalog repository
 * method that writes; the first call schedules the listeners to run once after the commit
 * (never on rollback). They run before `withTenant` returns, so the writer's next read is fresh.
 */
export function catalogChangeTracker(tenantId: string, afterCommit: (effect: AfterCommit) => void): () => void {
  let scheduled = false;
  return () => {
    if (scheduled) return;
    scheduled = true;
    afterCommit(() => Promise.all([...listeners().values()].map((listener) => listener(tenantId))));
  };
}
