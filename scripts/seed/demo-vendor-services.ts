import { generateCatalog } from "@greenroom/catalog/fixtures";

import { DEMO } from "./demo-org";
import type { DemoIntegrationSpec } from "./demo-integrations-env";

// What the demo PagerDuty and Datadog simulators hold, drawn from the demo catalog so that the
// Operations tabs fill in on the first start: most services link by the components'
// annotations, and a few share only a component's name, so the setup UI has suggestions for
// the admin to confirm (names alone never link).

export type DemoVendorServices = {
  serviceNames: string[];
  /** PagerDuty: the ids of the first services (the annotated components'). */
  serviceIds?: string[];
  /** PagerDuty: the demo org's people as its first users, so they trigger incidents as themselves. */
  people?: string[];
};

const NAME_ONLY = 4;

export function demoVendorServices(kind: DemoIntegrationSpec["kind"]): DemoVendorServices | undefined {
  const components = generateCatalog({ org: DEMO.org.slug }).filter((entity) => entity.kind === "Component");
  const annotation = (key: string) => components.flatMap((entity) => (entity.metadata.annotations?.[key] ? [{ name: entity.metadata.name, value: entity.metadata.annotations[key] }] : []));
  const withoutAnnotation = (key: string) => components.filter((entity) => !entity.metadata.annotations?.[key]).slice(0, NAME_ONLY).map((entity) => entity.metadata.name);

  if (kind === "PAGERDUTY") {
    const annotated = annotation("pagerduty.com/service-id");
    return {
      serviceNames: [...annotated.map((service) => service.name), ...withoutAnnotation("pagerduty.com/service-id")],
      serviceIds: annotated.map((service) => service.value),
      people: [DEMO.owner, ...DEMO.teammates].map((person) => `${person.name} <${person.email}>`),
    };
  }
  if (kind === "DATADOG") {
    const annotated = annotation("datadoghq.com/service-name");
    return { serviceNames: [...annotated.map((service) => service.value), ...withoutAnnotation("datadoghq.com/service-name")] };
  }
  return undefined;
}
