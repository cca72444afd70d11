"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";

import { useTRPC } from "~/trpc/react";

/** Ranked, typo-tolerant search as you type; waits for a short pause so each keystroke is not a request. */
export function useEntitySearch(orgSlug: string, query: string, limit = 10) {
  const trpc = useTRPC();
  const [debounced, setDebounced] = useState(query);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(query.trim()), 120);
    return () => clearTimeout(timer);
  }, [query]);
  return useQuery(
    trpc.catalog.search.queryOptions({ orgSlug, q: debounced, limit }, { enabled: debounced.length > 0, placeholderData: keepPreviousData, staleTime: 10_000 }),
  );
}
