"use client";

import { Command } from "cmdk";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";

import { entityHref } from "./refs";
import { SearchHits } from "./search-hits";
import { useEntitySearch } from "./use-entity-search";

/** The catalog header's search: results drop down as you type; "/" focuses it. */
export function CatalogSearchBox({ orgSlug }: { orgSlug: string }) {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState("");
  const [focused, setFocused] = useState(false);
  const search = useEntitySearch(orgSlug, query, 8);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      const textInput = target instanceof HTMLInputElement && !["checkbox", "radio", "button", "submit", "file"].includes(target.type);
      const typing = textInput || target?.tagName === "TEXTAREA" || target?.tagName === "SELECT" || target?.isContentEditable;
      if (event.key === "/" && !typing) {
        event.preventDefault();
        input.current?.focus();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const hits = query.trim() ? (search.data?.hits ?? []) : [];
  const open = focused && query.trim().length > 0;
  return (
    <Command shouldFilter={false} label="Search the catalog" className="relative w-72" onKeyDown={(event) => event.key === "Escape" && input.current?.blur()}>
      <Command.Input
        ref={input}
        value={query}
        onValueChange={setQuery}
        onFocus={() => setFocused(true)}
        onBlur={() => setTimeout(() => setFocused(false), 150)}
        placeholder="Search the catalog  ( / )"
        aria-label="Search the catalog"
        className="block w-full rounded-md border-0 px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-inset focus:ring-emerald-600 focus:outline-none"
      />
      <Command.List className={open ? "absolute right-0 z-30 mt-1 max-h-96 w-[28rem] overflow-y-auto rounded-lg bg-white p-2 shadow-lg ring-1 ring-slate-200" : "hidden"}>
        {open && !search.isPending && !search.isPlaceholderData && hits.length === 0 ? <Command.Empty className="px-3 py-4 text-sm text-slate-500">Nothing found</Command.Empty> : null}
        <SearchHits
          hits={hits}
          onOpen={(hit) => {
            setQuery("");
            input.current?.blur();
            router.push(entityHref(orgSlug, hit));
          }}
        />
      </Command.List>
    </Command>
  );
}
