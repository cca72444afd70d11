import { createGithubSimulator, DEFAULT_GITHUB_TOKEN, type GithubSimulator } from "@greenroom/simulators/github";
import { expect, test } from "@playwright/test";

import { screenshot, unique } from "./helpers";

const PASSWORD = "a-long-enough-passphrase";
const WEBHOOK_SECRET = "e2e-github-webhook-secret";

let github: GithubSimulator;
test.beforeAll(async () => {
  github = await createGithubSimulator({ seed: { org: "acme", repos: 40, teams: 4, people: 10, seed: 5 }, secondaryLimits: false });
});
test.afterAll(async () => {
  await github?.close();
});

test("an admin connects GitHub, watches the first sync, sees repos/teams/people, and a push shows within seconds", async ({ page }) => {
  test.setTimeout(120_000);
  const slug = unique("gh");
  await page.goto("/signup");
  await page.getByLabel("Your name").fill("Integration Owner");
  await page.getByLabel("Work email").fill(`${slug}@example.test`);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByLabel("Organization name").fill(`GitHub ${slug}`);
  await page.getByLabel("Portal URL").fill(slug);
  await page.getByRole("button", { name: "Create organization" }).click();
  await page.waitForURL(`**/${slug}`);

  await page.getByRole("link", { name: "Integrations" }).click();
  await page.waitForURL(`**/${slug}/settings/integrations`);
  const form = page.getByTestId("connect-github-form");
  await form.getByLabel("API base URL").fill(github.url);
  await form.getByLabel("Organization").fill("acme");

  // A bad token gets a clear verdict.
  await form.getByLabel("Token").fill("ghp_not-a-real-token");
  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByTestId("connection-verdict")).toContainText("Bad credentials");
  await screenshot(page, "integrations-bad-token");

  await form.getByLabel("Token").fill(DEFAULT_GITHUB_TOKEN);
  await form.getByLabel("Webhook secret (optional)").fill(WEBHOOK_SECRET);
  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByTestId("connection-verdict")).toContainText("Connected to acme: 40 repositories, 4 teams, 10 members");
  await page.getByRole("button", { name: "Connect and sync" }).click();

  const panel = page.getByTestId("integration-GitHub");
  await expect(panel.getByTestId("sync-history")).toContainText("succeeded", { timeout: 60_000 });
  await screenshot(page, "integrations-first-sync");

  // Repositories, teams and people are in the catalog.
  const plain = [...github.state.org("acme")!.repos.values()].find((repo) => !repo.files.has("catalog-info.yaml"))!;
  await page.goto(`/${slug}/catalog/default/component/${plain.name}`);
  await expect(page.getByText(plain.name).first()).toBeVisible();
  const team = [...github.state.org("acme")!.teams.keys()][0]!;
  await page.goto(`/${slug}/catalog/default/group/${team}`);
  await expect(page.getByText(team).first()).toBeVisible();

  // A push to catalog-info.yaml arrives by webhook and is visible within seconds.
  await page.goto(`/${slug}/settings/integrations`);
  const webhookUrl = (await page.getByTestId("webhook-url").textContent())!;
  github.control.setWebhook({ url: webhookUrl, secret: WEBHOOK_SECRET });
  const name = `pushed-${slug}`;
  await github.control.push(plain.name, {
    path: "catalog-info.yaml",
    content: `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${name}\n  title: Pushed through GitHub\nspec:\n  type: service\n  lifecycle: production\n  owner: group:default/${team}\n`,
  });
  const pushedAt = Date.now();
  await expect(async () => {
    const response = await page.request.get(`/${slug}/catalog/default/component/${name}`);
    expect(response.status()).toBe(200);
    await page.goto(`/${slug}/catalog/default/component/${name}`);
    await expect(page.getByText("Pushed through GitHub").first()).toBeVisible({ timeout: 500 });
  }).toPass({ timeout: 10_000, intervals: [250] });
  expect(Date.now() - pushedAt).toBeLessThan(10_000);
  await screenshot(page, "integrations-pushed-entity");
});
