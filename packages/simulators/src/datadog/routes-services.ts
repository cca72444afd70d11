import { SCHEMA_VERSIONS, type SchemaVersion } from "./model";
import { DatadogError, intParam, ok, type DatadogRequest, type Route } from "./routing";
import { serviceDefinitionData } from "./service-definitions";

// GET /api/v2/services/definitions (page[size] default 10, max 100; page[number] from 0) and
// GET /api/v2/services/definitions/{service_name}, both with an optional schema_version.

function requestedVersion(request: DatadogRequest): SchemaVersion | null {
  const raw = request.url.searchParams.get("schema_version");
  if (raw === null || raw === "") return null;
  if (!(SCHEMA_VERSIONS as readonly string[]).includes(raw)) throw new DatadogError(400, [`Invalid schema_version "${raw}": expected one of ${SCHEMA_VERSIONS.join(", ")}`]);
  return raw as SchemaVersion;
}

export const serviceRoutes: Route[] = [
  {
    method: "GET",
    template: "/api/v2/services/definitions",
    family: "service_definitions",
    handle(request) {
      const size = intParam(request.url, "page[size]", 10, { min: 1, max: 100 });
      const number = intParam(request.url, "page[number]", 0);
      const version = requestedVersion(request);
      const page = request.state.data.services.slice(number * size, (number + 1) * size);
      return ok({ data: page.map((service) => serviceDefinitionData(service, version)) });
    },
  },
  {
    method: "GET",
    template: "/api/v2/services/definitions/{service_name}",
    family: "service_definitions",
    handle(request) {
      const version = requestedVersion(request);
      const service = request.state.service(request.params.service_name ?? "");
      if (!service) throw new DatadogError(404, ["Not found"]);
      return ok({ data: serviceDefinitionData(service, version) });
    },
  },
];
