import { expect, test } from "@playwright/test";

import { screenshot, unique } from "./helpers";

const PASSWORD = "a-long-enough-passphrase";

const COMPONENT = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: pushed-from-ci, title: Pushed from CI }
spec: { type: service, lifecycle: production, owner: team-a }
`;

test("an admin creates a read-write token, CI pushes and reads the catalog with it, and revoking stops it", async ({ page, request }) => {
  const slug = unique("tok");
  await page.goto("/signup");
  await page.getByLabel("Your name").fill("Token Owner");
  await page.getByLabel("Work email").fill(`${slug}@example.test`);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByLabel("Organization name").fill(`Tokens ${slug}`);
  await page.getByLabel("Portal URL").fill(slug);
  await page.getByRole("button", { name: "Create organization" }).click();
  await page.waitForURL(`**/${slug}`);

  await page.getByRole("link", { name: "API tokens" }).click();
  await page.waitForURL(`**/${slug}/settings/api-tokens`);
  await page.getByLabel("Name").fill("payments CI");
  await page.getByLabel("Access").selectOption("WRITE");
  await page.getByRole("button", { name: "Create token" }).click();
  const token = await page.getByTestId("new-api-token").inputValue();
  expect(token).toMatch(/^grt_[0-9a-f]{32}_[0-9a-f]{48}$/);
  await expect(page.getByTestId("api-token-payments CI")).toContainText("Read and write");
  await screenshot(page, "api-tokens");

  const auth = { authorization: `Bearer ${token}` };
  const pushed = await request.put("/api/v1/sources/payments-ci", { headers: { ...auth, "content-type": "application/yaml" }, data: COMPONENT });
  expect(pushed.status()).toBe(200);
  expect(await pushed.json()).toMatchObject({ source: "push:payments-ci", created: 1 });
  const entity = await request.get("/api/catalog/entities/by-name/component/default/pushed-from-ci", { headers: auth });
  expect(entity.status()).toBe(200);
  expect(await entity.json()).toMatchObject({ metadata: { title: "Pushed from CI", uid: expect.any(String) }, relations: [{ type: "ownedBy", targetRef: "group:default/team-a" }] });
  const spec = await request.get("/api/openapi.yaml");
  expect(await spec.text()).toContain("openapi: 3.1.0");

  await page.reload();
  await page.getByTestId("api-token-payments CI").getByRole("button", { name: "Revoke…" }).click();
  await page.getByTestId("api-token-payments CI").getByRole("button", { name: "Revoke", exact: true }).click();
  await expect(page.getByTestId("api-token-payments CI")).toContainText("Revoked");
  const refused = await request.get("/api/catalog/entities", { headers: auth });
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toMatchObject({ error: { name: "AuthenticationError" }, response: { statusCode: 401 } });
});
