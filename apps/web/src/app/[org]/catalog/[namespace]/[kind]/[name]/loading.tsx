import { Skeleton } from "@greenroom/ui";

export default function EntityLoading() {
  return (
    <div className="space-y-4" aria-busy="true" aria-label="Loading the entity">
      <Skeleton className="h-8 w-72" />
      <Skeleton className="h-4 w-96" />
      <Skeleton className="h-9 w-full" />
      <Skeleton className="h-64 w-full" />
    </div>
  );
}
