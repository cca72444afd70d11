"use client";

import "swagger-ui-react/swagger-ui.css";

import SwaggerUI from "swagger-ui-react";

/** Swagger UI, bundled (no CDN): operations, schemas and examples. "Try it out" is off, since a portal page must not call the service. */
export function OpenApiViewer({ definition }: { definition: string }) {
  return (
    <div className="rounded-md bg-white ring-1 ring-slate-200" data-testid="openapi-viewer">
      <SwaggerUI spec={definition} supportedSubmitMethods={[]} docExpansion="list" defaultModelsExpandDepth={1} deepLinking={false} />
    </div>
  );
}
