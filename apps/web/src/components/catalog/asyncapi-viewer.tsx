"use client";

import "@asyncapi/react-component/styles/default.min.css";

// The package's browser build: its parser pulls in Node modules (fs) that the ESM entry leaves
// to the app's bundler; this UMD bundle has them shimmed and needs only React.
import AsyncApiComponent from "@asyncapi/react-component/browser/index.js";

/** AsyncAPI's own React renderer (parser bundled, nothing fetched). */
export function AsyncApiViewer({ definition }: { definition: string }) {
  return (
    <div className="rounded-md bg-white ring-1 ring-slate-200" data-testid="asyncapi-viewer">
      <AsyncApiComponent schema={definition} config={{ show: { sidebar: false, errors: true } }} />
    </div>
  );
}
