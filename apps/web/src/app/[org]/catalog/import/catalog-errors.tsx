import { Card, CardHeader } from "@greenroom/ui";

export type CatalogErrorRow = { documentIndex?: number | null; entityRef?: string | null; path: string; rule: string; message: string; line?: number | null };

/** Per-document problems: which document, which field, which rule, and what to write instead. */
export function CatalogErrors({ errors, total, title, description = "These documents were skipped; everything else was imported." }: { errors: CatalogErrorRow[]; total?: number; title?: string; description?: string }) {
  if (!errors.length) return null;
  const count = total ?? errors.length;
  return (
    <Card>
      <CardHeader title={title ?? `${count} problem${count === 1 ? "" : "s"} found`} description={description} />
      <div className="overflow-x-auto">
        <table className="w-full text-sm" data-testid="import-errors">
          <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-5 py-2 font-medium">Document</th>
              <th className="px-5 py-2 font-medium">Field</th>
              <th className="px-5 py-2 font-medium">Rule</th>
              <th className="px-5 py-2 font-medium">Problem</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {errors.map((error, index) => (
              <tr key={index} className="align-top">
                <td className="px-5 py-2 whitespace-nowrap text-slate-700">
                  {error.documentIndex !== null && error.documentIndex !== undefined ? `#${error.documentIndex + 1}` : "file"}
                  {error.line ? <span className="text-slate-400"> · line {error.line}</span> : null}
                  {error.entityRef ? <p className="font-mono text-xs text-slate-500">{error.entityRef}</p> : null}
                </td>
                <td className="px-5 py-2 font-mono text-xs text-slate-800">{error.path || "—"}</td>
                <td className="px-5 py-2 whitespace-nowrap">
                  <code className="rounded bg-red-50 px-1.5 py-0.5 text-xs text-red-700">{error.rule}</code>
                </td>
                <td className="px-5 py-2 text-slate-700">{error.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
