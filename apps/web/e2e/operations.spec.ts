import { createDatadogSimulator, DEFAULT_DATADOG_API_KEY, DEFAULT_DATADOG_APP_KEY, type DatadogSimulator } from "@greenroom/simulators/datadog";
import { createPagerdutySimulator, DEFAULT_PAGERDUTY_TOKEN, type PagerdutySimulator } from "@greenroom/simulators/pagerduty";
import { expect, test, type Page } from "@playwright/test";

import { screenshot, unique } from "./helpers";

const PASSWORD = "a-long-enough-passphrase";

// The catalog names its components plainly; PagerDuty calls the same services "checkout-service"
// and "payments-api", so an admin must confirm the match. Datadog's service names are the
// component names (its own identity), so monitors and SLOs link by themselves.
const CATALOG = `apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: team-shop }
spec: { type: team, children: [] }
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: team-pay }
spec: { type: team, children: [] }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: checkout, title: Checkout }
spec: { type: service, lifecycle: production, owner: team-shop }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: payments, title: Payments }
spec: { type: service, lifecycle: production, owner: team-pay }
`;

let pagerduty: PagerdutySimulator;
let datadog: DatadogSimulator;

test.beforeAll(async () => {
  pagerduty = await createPagerdutySimulator({ seed: { serviceNames: ["checkout-service", "payments-api", "search-indexer"], seed: 3, openIncidents: 2 } });
  datadog = await createDatadogSimulator({ seed: { serviceNames: ["checkout", "payments"], services: 2, monitors: 8, slos: 2, seed: 3 } });
  // One alerting and one warning monitor on checkout, whatever the seed chose.
  const checkoutMonitors = datadog.state.data.monitors.filter((monitor) => monitor.tags.includes("service:checkout"));
  datadog.control.setMonitorState(checkoutMonitors[0]!.id, "Alert");
  if (checkoutMonitors[1]) datadog.control.setMonitorState(checkoutMonitors[1].id, "Warn");
});
test.afterAll(async () => {
  await pagerduty?.close();
  await datadog?.close();
});

async function signUp(page: Page, slug: string) {
  await page.goto("/signup");
  await page.getByLabel("Your name").fill("Ops Owner");
  await page.getByLabel("Work email").fill(`${slug}@example.test`);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByLabel("Organization name").fill(`Ops ${slug}`);
  await page.getByLabel("Portal URL").fill(slug);
  await page.getByRole("button", { name: "Create organization" }).click();
  await page.waitForURL(`**/${slug}`);
}

test("connect PagerDuty and Datadog, map services, see on-call, incidents, monitors and SLOs, trigger an incident", async ({ page }) => {
  test.setTimeout(180_000);
  const slug = unique("ops");
  await signUp(page, slug);

  await page.goto(`/${slug}/catalog/import`);
  await page.getByLabel("Source name").fill("services");
  await page.getByLabel("Files").setInputFiles({ name: "catalog-info.yaml", mimeType: "text/yaml", buffer: Buffer.from(CATALOG) });
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByTestId("import-result")).toContainText("4 created");

  // PagerDuty: a bad key gets a verdict in words, the right one connects.
  await page.goto(`/${slug}/settings/integrations`);
  await page.getByRole("radio", { name: "PagerDuty" }).click();
  const pdForm = page.getByTestId("connect-pagerduty-form");
  await pdForm.getByLabel("API base URL (optional)").fill(pagerduty.url);
  await pdForm.getByLabel("Events API URL (optional)").fill(pagerduty.url);
  await pdForm.getByLabel("Requester email (optional)").fill([...pagerduty.state.users.values()][0]!.email);
  await pdForm.getByLabel("REST API key").fill("not-a-real-key");
  await pdForm.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByTestId("connection-verdict")).toContainText(/rejected|invalid|401/i);
  await pdForm.getByLabel("REST API key").fill(DEFAULT_PAGERDUTY_TOKEN);
  await pdForm.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByTestId("connection-verdict")).toContainText("Connection works");
  await pdForm.getByRole("button", { name: "Connect and sync" }).click();
  const pdPanel = page.getByTestId("integration-PagerDuty");
  await expect(pdPanel.getByTestId("sync-history")).toContainText("succeeded", { timeout: 60_000 });

  // Name matches are only suggestions: the admin confirms two of them.
  const mappings = pdPanel.getByTestId("service-mappings");
  await expect(mappings).toContainText("0 of 3 linked");
  await mappings.getByTestId("mapping-checkout-service").getByRole("button", { name: "Link to Checkout" }).click();
  await mappings.getByTestId("mapping-payments-api").getByRole("button", { name: "Link to Payments" }).click();
  await expect(mappings).toContainText("2 of 3 linked");
  await expect(mappings.getByTestId("mapping-search-indexer")).toContainText("No catalog entity has a similar name");
  await screenshot(page, "operations-mappings");

  // Datadog, through an override base URL (the simulator).
  await page.getByRole("radio", { name: "Datadog" }).click();
  const ddForm = page.getByTestId("connect-datadog-form");
  await ddForm.getByLabel("API key").fill(DEFAULT_DATADOG_API_KEY);
  await ddForm.getByLabel("Application key").fill(DEFAULT_DATADOG_APP_KEY);
  await ddForm.getByLabel("API base URL override (optional)").fill(datadog.url);
  await ddForm.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByTestId("connection-verdict")).toContainText("Connection works");
  await ddForm.getByRole("button", { name: "Connect and sync" }).click();
  await expect(page.getByTestId("integration-Datadog").getByTestId("sync-history")).toContainText("succeeded", { timeout: 60_000 });

  // The entity page: on call, incidents, monitors, SLOs, freshness.
  await page.goto(`/${slug}/catalog/default/component/checkout?tab=operations`);
  await expect(page.getByRole("heading", { name: "On call" })).toBeVisible();
  await expect(page.getByLabel("On call now").first()).toContainText("L1");
  await expect(page.getByLabel("Monitors by state")).toContainText("Alert");
  await expect(page.getByRole("heading", { name: "SLOs" })).toBeVisible();
  await expect(page.getByLabel("Data freshness")).toContainText(/PagerDuty\s*synced \d+ (s|min) ago/);
  await screenshot(page, "operations-entity-tab");

  // Trigger an incident: summary, confirmation, then it shows after the sync it requested.
  const summary = `Checkout is returning 502s (${slug})`;
  await page.getByRole("button", { name: "Trigger incident" }).click();
  await page.getByLabel("What is wrong?").fill(summary);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByText("Page the on-call responder now?")).toBeVisible();
  await screenshot(page, "operations-trigger-confirm");
  await page.getByRole("button", { name: "Yes, page on-call" }).click();
  await expect(page.getByText("Incident triggered")).toBeVisible();
  await page.getByRole("button", { name: "Done" }).click();
  await expect(async () => {
    await page.reload();
    await expect(page.getByText(summary)).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 60_000, intervals: [1_000] });
  await screenshot(page, "operations-incident-visible");

  // Badges on the catalog table, the team's on-call panel, and the org's burning page.
  await page.goto(`/${slug}/catalog?kind=component`);
  await expect(page.getByTestId("row-component:default/checkout")).toContainText("alerting");
  await screenshot(page, "operations-catalog-badges");
  await page.goto(`/${slug}/teams/team-shop`);
  await expect(page.getByTestId("team-on-call")).toContainText("L1");
  await screenshot(page, "operations-team-on-call");
  await page.goto(`/${slug}/burning`);
  await expect(page.getByTestId("burning-totals")).toContainText("open incidents");
  await expect(page.getByText(summary)).toBeVisible();
  await screenshot(page, "operations-burning");

  // The audit log recorded who paged.
  await page.goto(`/${slug}/settings/audit`);
  await expect(page.getByText("incident.triggered").first()).toBeVisible();
});
