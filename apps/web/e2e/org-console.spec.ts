import { expect, test } from "@playwright/test";

import { screenshot, unique } from "./helpers";

const PASSWORD = "a-long-enough-passphrase";

test("sign up, invite a teammate who accepts, change their role, and read it all in the audit log", async ({ page, browser }) => {
  const slug = unique("e2e");
  const ownerEmail = `${slug}-owner@example.test`;
  const teammateEmail = `${slug}-mate@example.test`;

  // Sign up: bad input first, field by field.
  await page.goto("/signup");
  await page.getByRole("button", { name: "Create organization" }).click();
  await expect(page.getByText("Enter your name")).toBeVisible();
  await expect(page.getByText("Use at least 10 characters")).toBeVisible();
  await page.getByLabel("Your name").fill("Olive Owner");
  await page.getByLabel("Work email").fill(ownerEmail);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByLabel("Organization name").fill(`E2E ${slug}`);
  await expect(page.getByLabel("Portal URL")).toHaveValue(`e2e-${slug}`);
  await page.getByLabel("Portal URL").fill(slug);
  await screenshot(page, "01-signup");
  await page.getByRole("button", { name: "Create organization" }).click();
  await page.waitForURL(`**/${slug}`);
  await expect(page.getByRole("heading", { name: `E2E ${slug}` })).toBeVisible();
  await expect(page.getByText("14 days left in your trial")).toBeVisible();

  // Invite a teammate; no SMTP in tests, so the link is shown to copy.
  await page.getByRole("link", { name: "Members" }).click();
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText("Enter a valid email address")).toBeVisible();
  await page.getByLabel("Email").fill(teammateEmail);
  await page.getByRole("button", { name: "Send invitation" }).click();
  const inviteUrl = await page.getByTestId("invite-url").inputValue();
  expect(inviteUrl).toContain("/invite/");
  await expect(page.getByText(teammateEmail).first()).toBeVisible();

  // The teammate accepts in a second, separate browser context.
  const teammateContext = await browser.newContext();
  const teammate = await teammateContext.newPage();
  await teammate.goto(inviteUrl);
  await expect(teammate.getByRole("heading", { name: `Join E2E ${slug}` })).toBeVisible();
  await teammate.getByRole("link", { name: "Create an account to join" }).click();
  await expect(teammate.getByLabel("Work email")).toHaveValue(teammateEmail);
  await teammate.getByLabel("Your name").fill("Mate Teammate");
  await teammate.getByLabel("Password").fill(PASSWORD);
  await teammate.getByRole("button", { name: "Create account and join" }).click();
  await teammate.waitForURL(`**/${slug}`);
  await expect(teammate.getByRole("heading", { name: `E2E ${slug}` })).toBeVisible();
  // The link was single-use.
  await teammate.goto(inviteUrl);
  await expect(teammate.getByText("This invitation has already been used.")).toBeVisible();
  await teammateContext.close();

  // The owner makes the teammate an admin.
  await page.reload();
  const row = page.getByTestId(`member-${teammateEmail}`);
  await expect(row).toBeVisible();
  await row.getByLabel(`Role of ${teammateEmail}`).selectOption("ADMIN");
  await expect(row.getByLabel(`Role of ${teammateEmail}`)).toHaveValue("ADMIN");
  // The last owner cannot demote themselves.
  await page.getByLabel(`Role of ${ownerEmail}`).selectOption("MEMBER");
  await expect(page.getByText("An organization needs at least one owner")).toBeVisible();
  await screenshot(page, "02-members");

  // The audit log shows all of it.
  await page.getByRole("link", { name: "Audit log" }).click();
  const rows = page.getByTestId("audit-rows");
  await expect(rows).toContainText("member.role_changed");
  await expect(rows).toContainText(`${teammateEmail}: member → admin`);
  await expect(rows).toContainText("invitation.accepted");
  await expect(rows).toContainText("invitation.created");
  await expect(rows).toContainText("org.created");
  // Where from: the browser runs on this machine.
  await expect(rows.locator("tr").first()).toContainText("127.0.0.1");
  await screenshot(page, "03-audit");
  await page.getByLabel("Action").selectOption("member.role_changed");
  await expect(page).toHaveURL(/action=member.role_changed/);
  await expect(rows.locator("tr")).toHaveCount(1);
});

test("sign-in does not say whether an email is registered", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("Work email").fill(`${unique("nobody")}@example.test`);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Email or password is incorrect.")).toBeVisible();
  await screenshot(page, "04-signin-error");
});

test("another org's pages are not found, not forbidden", async ({ page }) => {
  const slug = unique("iso");
  await page.goto("/signup");
  await page.getByLabel("Your name").fill("Iso Owner");
  await page.getByLabel("Work email").fill(`${slug}@example.test`);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByLabel("Organization name").fill(`Iso ${slug}`);
  await page.getByRole("button", { name: "Create organization" }).click();
  await page.waitForURL(`**/iso-${slug}`);
  const response = await page.goto("/acme/settings/members");
  expect(response?.status()).toBe(404);
  await expect(page.getByText("We couldn't find that page")).toBeVisible();
});
