/**
 * Puts UI state (filters, sort, tab) in the URL without a server round trip: Next keeps
 * useSearchParams in step with history.replaceState, while router.replace would re-render the
 * page's server components for what is purely client state.
 */
export function replaceQuery(pathname: string, params: URLSearchParams): void {
  window.history.replaceState(null, "", `${pathname}${params.size ? `?${params.toString()}` : ""}`);
}
