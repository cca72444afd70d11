import { expect, test, type Page } from "@playwright/test";

import { screenshot, unique } from "./helpers";

const PASSWORD = "a-long-enough-passphrase";

// One multi-document file as a platform team would have it: a team with people, a system, two
// components (one depends on the other and provides an API), the API with a small OpenAPI
// definition, and one broken document that must be reported by field while the rest imports.
const CATALOG = `apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: team-checkout
  title: Checkout Team
spec:
  type: team
  profile: { displayName: Checkout Team, email: checkout@example.test }
  children: []
---
apiVersion: backstage.io/v1alpha1
kind: User
metadata: { name: alice }
spec:
  profile: { displayName: Alice Anders, email: alice@example.test }
  memberOf: [team-checkout]
---
apiVersion: backstage.io/v1alpha1
kind: User
metadata: { name: bob }
spec:
  profile: { displayName: Bob Brown, email: bob@example.test }
  memberOf: [team-checkout]
---
apiVersion: backstage.io/v1alpha1
kind: System
metadata: { name: checkout, description: Everything that takes an order }
spec: { owner: team-checkout }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: payments-service
  title: Payments Service
  description: Charges cards and issues refunds
  tags: [java, payments]
  links: [{ url: "https://runbooks.example.test/payments", title: Runbook }]
  annotations: { github.com/project-slug: acme/payments }
spec:
  type: service
  lifecycle: production
  owner: team-checkout
  system: checkout
  providesApis: [payments-api]
  dependsOn: [resource:payments-db]
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: storefront, description: The web shop, tags: [typescript] }
spec:
  type: website
  lifecycle: production
  owner: team-checkout
  system: checkout
  dependsOn: [component:payments-service]
  consumesApis: [payments-api]
---
apiVersion: backstage.io/v1alpha1
kind: API
metadata: { name: payments-api, description: Charge and refund }
spec:
  type: openapi
  lifecycle: production
  owner: team-checkout
  system: checkout
  definition: |
    openapi: 3.0.3
    info:
      title: Payments API
      version: 1.2.0
    paths:
      /charges:
        post:
          summary: Create a charge
          responses:
            "201": { description: Charge created }
      /refunds/{id}:
        get:
          summary: Read a refund
          parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
          responses:
            "200": { description: The refund }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: Broken Name! }
spec: { type: service, lifecycle: production }
`;

async function signUp(page: Page): Promise<string> {
  const slug = unique("cat");
  await page.goto("/signup");
  await page.getByLabel("Your name").fill("Cat Owner");
  await page.getByLabel("Work email").fill(`${slug}@example.test`);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByLabel("Organization name").fill(`Catalog ${slug}`);
  await page.getByLabel("Portal URL").fill(slug);
  await page.getByRole("button", { name: "Create organization" }).click();
  await page.waitForURL(`**/${slug}`);
  return slug;
}

test("import a catalog file, browse, search with a typo, and follow it to entity, graph, API and team pages", async ({ page }) => {
  const slug = await signUp(page);

  // Empty catalog first.
  await page.getByRole("link", { name: "Catalog", exact: true }).click();
  await expect(page.getByText("Your catalog is empty")).toBeVisible();

  // Upload the multi-document file.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Import" }).click();
  await page.getByLabel("Source name").fill("platform-catalog");
  await page.getByLabel("Files").setInputFiles({ name: "catalog-info.yaml", mimeType: "text/yaml", buffer: Buffer.from(CATALOG) });
  await expect(page.getByText("Loaded catalog-info.yaml into the text below.")).toBeVisible();
  await page.getByRole("button", { name: "Import", exact: true }).click();
  const result = page.getByTestId("import-result");
  await expect(result).toContainText("Imported into upload:platform-catalog");
  await expect(result).toContainText("7 created");
  // The broken document is reported by document, field and rule; the good ones imported.
  const errors = page.getByTestId("import-errors");
  await expect(errors).toContainText("#8");
  await expect(errors).toContainText("metadata.name");
  await expect(errors).toContainText("entity-name");
  await expect(errors).toContainText("spec.owner");
  await screenshot(page, "catalog-import");

  // The table and its facets.
  await page.getByRole("link", { name: "Open the catalog" }).click();
  const table = page.getByTestId("catalog-table");
  await expect(table.getByRole("link", { name: "Payments Service" })).toBeVisible();
  await expect(page.getByTestId("catalog-total")).toContainText("of 7 entities");
  const filters = page.getByRole("complementary", { name: "Filters" });
  await expect(filters.getByText("Component", { exact: true })).toBeVisible();
  await filters.getByLabel(/^Component/).click();
  await expect(filters.getByLabel(/^Component/)).toBeChecked();
  await expect(page).toHaveURL(/kind=component/);
  await expect(page.getByTestId("catalog-total")).toContainText("of 2 entities");
  await expect(table.getByRole("link", { name: "storefront" })).toBeVisible();
  await expect(table.getByRole("link", { name: "payments-api" })).toHaveCount(0);
  await screenshot(page, "catalog-table");

  // ⌘K with a typo.
  await page.keyboard.press("ControlOrMeta+k");
  const palette = page.getByRole("dialog");
  await palette.getByPlaceholder("Search services, APIs, teams…").fill("paymnets servce");
  const results = page.getByTestId("search-results");
  await expect(results.getByRole("option").first()).toContainText("Payments Service");
  await expect(results.getByRole("option").first()).toContainText("Component");
  await screenshot(page, "catalog-search");
  await page.keyboard.press("Enter");
  await page.waitForURL(`**/${slug}/catalog/default/component/payments-service`);

  // The entity page.
  await expect(page.getByRole("heading", { name: "Payments Service" })).toBeVisible();
  await expect(page.getByRole("tabpanel")).toContainText("Charges cards and issues refunds");
  await expect(page.getByRole("tabpanel").getByRole("link", { name: "team-checkout" })).toBeVisible();
  await expect(page.getByRole("tabpanel").getByRole("link", { name: "Runbook" })).toBeVisible();
  await screenshot(page, "catalog-entity");

  await page.getByRole("tab", { name: /Relations/ }).click();
  await expect(page.getByTestId("relations")).toContainText("not in catalog yet"); // resource:payments-db
  await screenshot(page, "catalog-relations");

  // Dependencies graph.
  await page.getByRole("tab", { name: "Dependencies" }).click();
  const graph = page.getByTestId("dependency-graph");
  await expect(graph.locator(".react-flow__node")).toHaveCount(5); // itself, storefront, API, system, db
  await expect(graph).toContainText("storefront");
  await expect(graph.locator(".react-flow__edge").first()).toBeAttached();
  await screenshot(page, "catalog-dependencies");

  // The API tab renders the OpenAPI definition.
  await graph.getByText("payments-api", { exact: true }).click();
  await page.waitForURL(`**/${slug}/catalog/default/api/payments-api`);
  await page.getByRole("tab", { name: "API" }).click();
  const viewer = page.getByTestId("openapi-viewer");
  await expect(viewer.getByText("Payments API", { exact: false }).first()).toBeVisible();
  await expect(viewer.getByText("/charges")).toBeVisible();
  await expect(viewer.getByText("Create a charge")).toBeVisible();
  await screenshot(page, "catalog-api");

  await page.getByRole("tab", { name: "YAML" }).click();
  await expect(page.getByTestId("entity-yaml")).toContainText("openapi: 3.0.3");

  // The owner link goes to the team page: members and what it owns.
  await page.getByRole("link", { name: "team-checkout" }).first().click();
  await page.waitForURL(`**/${slug}/teams/team-checkout`);
  await expect(page.getByRole("heading", { name: "Checkout Team" })).toBeVisible();
  await expect(page.getByTestId("team-members")).toContainText("Alice Anders");
  await expect(page.getByTestId("team-members")).toContainText("Bob Brown");
  const owned = page.getByTestId("owned");
  for (const name of ["Payments Service", "storefront", "payments-api", "checkout"]) await expect(owned.getByRole("link", { name, exact: true })).toBeVisible();
  await screenshot(page, "catalog-team");

  await page.getByTestId("team-members").getByRole("link", { name: "Alice Anders" }).click();
  await page.waitForURL(`**/${slug}/users/alice`);
  await expect(page.getByTestId("user-teams")).toContainText("Checkout Team");
  await expect(page.getByTestId("owned")).toContainText("Payments Service");
  await screenshot(page, "catalog-user");

  // The architecture graph and the sources page.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Graph" }).click();
  const system = page.getByTestId("system-graph");
  await expect(system.locator(".react-flow__node")).toHaveCount(4); // the checkout frame + 3 parts
  await expect(system).toContainText("storefront");
  await screenshot(page, "catalog-graph");

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sources" }).click();
  await expect(page.getByTestId("sources")).toContainText("upload:platform-catalog");
  await expect(page.getByTestId("sources")).toContainText("7 entities");
  await screenshot(page, "catalog-sources");

  // The overview counts the catalog and ticks the import step.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Overview" }).click();
  await expect(page.getByTestId("catalog-counts")).toContainText("Components");
});

const component = (name: string) => `apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: ${name} }
spec: { type: service, lifecycle: production, owner: team-orders }`;

const EVENT_APIS = `apiVersion: backstage.io/v1alpha1
kind: API
metadata: { name: order-events, description: What happens to orders }
spec:
  type: asyncapi
  lifecycle: production
  owner: team-orders
  definition: |
    asyncapi: 2.6.0
    info: { title: Order Events, version: 1.0.0 }
    channels:
      order/created:
        subscribe:
          message:
            name: OrderCreated
            payload: { type: object, properties: { id: { type: string } } }
---
apiVersion: backstage.io/v1alpha1
kind: API
metadata: { name: orders-graph }
spec:
  type: graphql
  lifecycle: experimental
  owner: team-orders
  definition: |
    type Query {
      order(id: ID!): Order
    }
    type Order {
      id: ID!
      total: Float
    }`;

test("AsyncAPI and GraphQL render; a held sync, source removal and orphans are handled on the sources page", async ({ page }) => {
  const slug = await signUp(page);
  page.on("dialog", (dialog) => void dialog.accept());
  const importText = async (sourceName: string, text: string) => {
    await page.goto(`/${slug}/catalog/import`);
    await page.getByLabel("Source name").fill(sourceName);
    await page.getByLabel("YAML or JSON").fill(text);
    await page.getByRole("button", { name: "Import", exact: true }).click();
    await expect(page.getByTestId("import-result")).toBeVisible();
  };
  const services = Array.from({ length: 5 }, (_, i) => component(`orders-${i}`));
  await importText("orders", [...services, EVENT_APIS].join("\n---\n"));
  await expect(page.getByTestId("import-result")).toContainText("7 created");

  await page.goto(`/${slug}/catalog/default/api/order-events?tab=api`);
  const asyncapi = page.getByTestId("asyncapi-viewer");
  await expect(asyncapi).toContainText("Order Events");
  await expect(asyncapi).toContainText("order/created");
  await screenshot(page, "catalog-asyncapi");

  await page.goto(`/${slug}/catalog/default/api/orders-graph?tab=api`);
  await expect(page.getByTestId("graphql-sdl")).toContainText("order(id: ID!): Order");
  await screenshot(page, "catalog-graphql");

  // A full import that would delete most of the source is held, not applied.
  await importText("orders", services[0]!);
  await expect(page.getByTestId("import-result")).toContainText("Held for an admin to confirm");
  await page.getByRole("link", { name: "Sources" }).first().click();
  const held = page.getByTestId("held-mutation");
  await expect(held).toContainText("would delete 6 of 7 entities");
  await held.getByText("Would delete", { exact: true }).click();
  await expect(held).toContainText("orders-4");
  await screenshot(page, "catalog-held");
  await held.getByRole("button", { name: "Discard" }).click();
  await expect(held).toHaveCount(0);

  // Remove the source but keep its entities: they become orphans, which an admin removes.
  const sources = page.getByTestId("sources");
  await sources.getByRole("button", { name: "Remove…" }).click();
  await sources.getByRole("button", { name: "Remove, keep entities" }).click();
  await expect(page.getByText("7 entities kept as orphans")).toBeVisible();
  const orphans = page.getByTestId("orphans");
  await expect(orphans.getByRole("listitem")).toHaveCount(7);
  await screenshot(page, "catalog-orphans");
  await orphans.getByRole("listitem").filter({ hasText: "orders-0" }).getByRole("button", { name: "Remove" }).click();
  await expect(orphans.getByRole("listitem")).toHaveCount(6);
  await page.getByRole("button", { name: "Remove all 6" }).click();
  await expect(page.getByText("No orphans")).toBeVisible();
  await page.goto(`/${slug}/catalog`);
  await expect(page.getByText("Your catalog is empty")).toBeVisible();
});

/** 3 domains, 24 systems and 973 components and APIs wired with dependsOn / providesApis: 1,000 entities. */
function estateYaml(): string {
  const docs: string[] = [];
  for (let d = 0; d < 3; d++) docs.push(`apiVersion: backstage.io/v1alpha1\nkind: Domain\nmetadata: { name: domain-${d} }\nspec: { owner: team-estate }`);
  for (let s = 0; s < 24; s++) docs.push(`apiVersion: backstage.io/v1alpha1\nkind: System\nmetadata: { name: system-${s} }\nspec: { owner: team-estate, domain: domain-${s % 3} }`);
  for (let i = 0; i < 973; i++) {
    const system = `system-${i % 24}`;
    if (i % 4 === 0) {
      docs.push(`apiVersion: backstage.io/v1alpha1\nkind: API\nmetadata: { name: api-${i} }\nspec: { type: openapi, lifecycle: production, owner: team-estate, system: ${system}, definition: "openapi: 3.0.0" }`);
    } else {
      const depends = i % 4 === 1 ? "" : `, dependsOn: [component:svc-${i - 1}]`;
      docs.push(`apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: { name: svc-${i} }\nspec: { type: service, lifecycle: production, owner: team-estate, system: ${system}, providesApis: [api-${i - (i % 4)}]${depends} }`);
    }
  }
  return docs.join("\n---\n");
}

test("a 1,000-entity estate pages in the table and stays usable in the architecture graph", async ({ page }) => {
  const slug = await signUp(page);
  await page.goto(`/${slug}/catalog/import`);
  await page.getByLabel("Source name").fill("estate");
  await page.getByLabel("Files").setInputFiles({ name: "estate.yaml", mimeType: "text/yaml", buffer: Buffer.from(estateYaml()) });
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByTestId("import-result")).toContainText("1000 created", { timeout: 60_000 });

  await page.goto(`/${slug}/catalog?sort=name`);
  await expect(page.getByTestId("catalog-total")).toContainText("1–50 of 1,000 entities");
  await page.getByRole("button", { name: "Next →" }).click();
  await expect(page.getByTestId("catalog-total")).toContainText("51–100 of 1,000 entities");
  await page.getByRole("button", { name: "← Previous" }).click();
  await expect(page.getByTestId("catalog-total")).toContainText("1–50 of 1,000 entities");
  await page.getByRole("button", { name: "Kind" }).click();
  await expect(page).toHaveURL(/sort=kind&order=asc/);
  await expect(page.getByTestId("catalog-table").locator("tbody tr").first()).toContainText("API");

  // The header search: "/" focuses it, results drop down as you type, Enter opens the first.
  await page.keyboard.press("/");
  await expect(page.getByPlaceholder("Search the catalog  ( / )")).toBeFocused();
  await page.keyboard.type("svc-97");
  await expect(page.getByRole("listbox").getByRole("option").first()).toContainText("svc-97");
  await page.keyboard.press("Enter");
  await page.waitForURL(`**/${slug}/catalog/default/component/svc-97`);

  await page.goto(`/${slug}/catalog/graph`);
  await expect(page.getByTestId("graph-count")).toContainText("1,000 of 1,000 entities", { timeout: 30_000 });
  await expect(page.getByTestId("system-graph").locator(".react-flow__node").first()).toBeVisible();
  await screenshot(page, "catalog-graph-1000");
  await page.getByLabel("System").selectOption({ label: "system-5" });
  await expect(page.getByTestId("graph-count")).toContainText("42 of 1,000 entities");
  await expect(page).toHaveURL(/system=system%3Adefault%2Fsystem-5/);
  await screenshot(page, "catalog-graph-system");
  await page.getByTestId("system-graph").getByText("svc-5", { exact: true }).click();
  await page.waitForURL(`**/${slug}/catalog/default/component/svc-5`);
});
