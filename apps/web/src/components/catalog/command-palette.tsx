"use client";

import { Spinner } from "@greenroom/ui";
import { Command } from "cmdk";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";

import { entityHref } from "./refs";
import { SearchHits } from "./search-hits";
import { useEntitySearch } from "./use-entity-search";

export const OPEN_SEARCH_EVENT = "greenroom:open-search";

/** ⌘K / Ctrl+K from every org page: find any entity by name, title, tag or owner, typos and all. */
export function CommandPalette({ orgSlug }: { orgSlug: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const search = useEntitySearch(orgSlug, open ? query : "");

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.metaKey || event.ctrlKey) && event.key.toLowerCase() === "k") {
        event.preventDefault();
        setOpen((value) => !value);
      }
    };
    const onOpen = () => setOpen(true);
    window.addEventListener("keydown", onKey);
    window.addEventListener(OPEN_SEARCH_EVENT, onOpen);
    return () => {
      window.removeEventListener("keydown", onKey);
      window.removeEventListener(OPEN_SEARCH_EVENT, onOpen);
    };
  }, []);

  const hits = query.trim() ? (search.data?.hits ?? []) : [];
  return (
    <Command.Dialog
      open={open}
      onOpenChange={(value) => {
        setOpen(value);
        if (!value) setQuery("");
      }}
      label="Search the catalog"
      shouldFilter={false}
      overlayClassName="fixed inset-0 z-40 bg-slate-900/30"
      contentClassName="fixed left-1/2 top-[15vh] z-50 w-full max-w-xl -translate-x-1/2 overflow-hidden rounded-xl bg-white shadow-2xl ring-1 ring-slate-200"
    >
      <div className="flex items-center gap-2 border-b border-slate-100 px-4">
        <span aria-hidden="true" className="text-slate-400">
          ⌕
        </span>
        <Command.Input value={query} onValueChange={setQuery} placeholder="Search services, APIs, teams…" className="h-12 flex-1 bg-transparent text-sm text-slate-900 outline-none placeholder:text-slate-400" />
        {search.isFetching ? <Spinner className="text-slate-400" /> : null}
        <kbd className="rounded bg-slate-100 px-1.5 py-0.5 text-[10px] font-medium text-slate-500">esc</kbd>
      </div>
      <Command.List className="max-h-96 overflow-y-auto p-2" data-testid="search-results">
        {query.trim() && !search.isPending && !search.isPlaceholderData && hits.length === 0 ? (
          <Command.Empty className="px-3 py-6 text-center text-sm text-slate-500">{search.error ? search.error.message : `Nothing found for “${query.trim()}”`}</Command.Empty>
        ) : null}
        {!query.trim() ? <p className="px-3 py-6 text-center text-sm text-slate-500">Type a name, title, tag or owner. Enter opens the entity.</p> : null}
        <SearchHits
          hits={hits}
          onOpen={(hit) => {
            setOpen(false);
            setQuery("");
            router.push(entityHref(orgSlug, hit));
          }}
        />
      </Command.List>
    </Command.Dialog>
  );
}
