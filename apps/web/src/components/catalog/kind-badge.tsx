import { Badge } from "@greenroom/ui";

import { KIND_TONES, kindLabel } from "./refs";

export function KindBadge({ kind }: { kind: string }) {
  return <Badge tone={KIND_TONES[kind] ?? "slate"}>{kindLabel(kind)}</Badge>;
}
