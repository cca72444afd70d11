import { expect, test, type Page } from "@playwright/test";

import { screenshot, unique } from "./helpers";

// Owner on trial → upgrades in (simulated) Stripe Checkout → Team, seats billed per member and
// kept in step by the worker → invites past the Free limit → cancels in the portal → once the
// period ends (simulator clock), back on Free with every member and invitation kept.
// scripts/e2e.ts runs the Stripe simulator and the worker and passes STRIPE_SIMULATOR_URL.

const PASSWORD = "a-long-enough-passphrase";
const simulatorUrl = process.env.STRIPE_SIMULATOR_URL ?? "";

async function invite(page: Page, email: string): Promise<string> {
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText(`Invitation created for ${email}`)).toBeVisible();
  return page.getByTestId("invite-url").inputValue();
}

test("trial → Team in Stripe Checkout → seats follow members → cancel in the portal → Free at period end, data kept", async ({ page, browser, request }) => {
  // A missing simulator is a broken test setup, not a reason to pass quietly.
  expect(simulatorUrl, "run through scripts/e2e.ts, which starts the Stripe simulator").toBeTruthy();
  test.setTimeout(240_000);
  const slug = unique("bill");
  const ownerEmail = `${slug}-owner@example.test`;

  await page.goto("/signup");
  await page.getByLabel("Your name").fill("Bea Billing");
  await page.getByLabel("Work email").fill(ownerEmail);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByLabel("Organization name").fill(`Billing ${slug}`);
  await page.getByLabel("Portal URL").fill(slug);
  await page.getByRole("button", { name: "Create organization" }).click();
  await page.waitForURL(`**/${slug}`);

  // On the trial: every Team feature, and the page says how long.
  await page.getByRole("link", { name: "Billing" }).click();
  await expect(page.getByTestId("current-plan")).toHaveText("Team");
  await expect(page.getByText("Trial: 14 days left, every Team feature included.")).toBeVisible();
  await expect(page.getByTestId("plan-TEAM")).toContainText("$12.00 per seat / month");
  await screenshot(page, "10-billing-trial");

  // Upgrade: Stripe Checkout (the simulator's hosted page), pay with a test card.
  await page.getByRole("button", { name: "Upgrade to Team" }).click();
  await page.waitForURL(`${simulatorUrl}/checkout/pay/**`);
  await expect(page.getByRole("heading", { name: "Subscribe to Greenroom Team" })).toBeVisible();
  await page.getByLabel("Card number").fill("4242 4242 4242 4242");
  await page.getByLabel("Expiration").fill("12 / 34");
  await page.getByLabel("CVC").fill("123");
  await screenshot(page, "11-stripe-checkout");
  await page.getByRole("button", { name: "Start subscription" }).click();

  await page.waitForURL(`**/${slug}/settings/billing?checkout=success**`);
  await expect(page.getByText("Your organization is on Team.")).toBeVisible();
  await expect(page.getByTestId("current-plan")).toHaveText("Team");
  await expect(page.getByTestId("seats-billed")).toHaveText("1");
  await expect(page.getByTestId("next-invoice")).toContainText("$12.00 on");
  await expect(page.getByTestId("billing-events")).toContainText("Checkout completed");
  await screenshot(page, "12-billing-team");

  // Beyond the Free limit: 1 member + 5 pending invitations = 6 seats, allowed on Team.
  await page.getByRole("link", { name: "Members" }).click();
  const firstInvite = await invite(page, `${slug}-mate0@example.test`);
  for (let n = 1; n <= 4; n++) await invite(page, `${slug}-mate${n}@example.test`);
  await expect(page.getByTestId("seat-usage")).toHaveText("6 seats (1 member, 5 pending invitations) on Team, billed per member.");

  // A teammate joins; the worker raises the subscription's quantity to 2 seats.
  const mateContext = await browser.newContext();
  const mate = await mateContext.newPage();
  await mate.goto(firstInvite);
  await mate.getByRole("link", { name: "Create an account to join" }).click();
  await mate.getByLabel("Your name").fill("Mo Mate");
  await mate.getByLabel("Password").fill(PASSWORD);
  await mate.getByRole("button", { name: "Create account and join" }).click();
  await mate.waitForURL(`**/${slug}`);
  await mateContext.close();
  await page.goto(`/${slug}/settings/billing`);
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("seats-billed")).toHaveText("2", { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByTestId("next-invoice")).toContainText("$24.00 on");

  // Cancel in the customer portal; it takes effect at the end of the period.
  await page.getByRole("button", { name: "Manage billing" }).click();
  await page.waitForURL(`${simulatorUrl}/portal/**`);
  await page.getByRole("button", { name: "Cancel plan" }).click();
  await expect(page.getByText("Your plan will be canceled on")).toBeVisible();
  await screenshot(page, "13-stripe-portal-canceled");
  await page.getByRole("link", { name: "← Return to Greenroom" }).click();
  await page.waitForURL(`**/${slug}/settings/billing?portal=return`);
  await expect(page.getByText("Ends on")).toBeVisible();
  await expect(page.getByTestId("next-invoice")).toContainText("None: the plan is canceled");
  await expect(page.getByTestId("current-plan")).toHaveText("Team");

  // The period ends (the simulator's clock for this customer moves past it).
  const simState = (await (await request.get(`${simulatorUrl}/_sim/state`)).json()) as {
    customers: { id: string; email: string | null }[];
    subscriptions: { id: string; customer: string }[];
  };
  const customer = simState.customers.find((entry) => entry.email === ownerEmail)!;
  const subscription = simState.subscriptions.find((entry) => entry.customer === customer.id)!;
  expect((await request.post(`${simulatorUrl}/_sim/clock/advance`, { data: { subscription: subscription.id } })).ok()).toBe(true);

  await page.goto(`/${slug}/settings/billing`);
  await expect(page.getByTestId("current-plan")).toHaveText("Free");
  await expect(page.getByTestId("seats-used")).toHaveText("2 members + 4 pending of 5");
  await expect(page.getByRole("button", { name: "Upgrade to Team" })).toBeVisible();
  await screenshot(page, "14-billing-free-after-cancel");

  // Nothing was deleted; new seats are refused with the plan that lifts the limit.
  await page.getByRole("link", { name: "Members" }).click();
  await expect(page.getByTestId(`member-${slug}-mate0@example.test`)).toBeVisible();
  await expect(page.getByTestId("seat-usage")).toHaveText("6 of 5 seats (2 members, 4 pending invitations) on Free — upgrade to Team for more.");
  await page.getByLabel("Email").fill(`${slug}-one-too-many@example.test`);
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText("Free includes up to 5 members, counting pending invitations (6 of 5 used). Upgrade to Team for more.")).toBeVisible();
  await screenshot(page, "15-members-free-limit");

  // Every billing change is in the audit log.
  await page.goto(`/${slug}/settings/audit?action=billing`);
  const rows = page.getByTestId("audit-rows");
  await expect(rows).toContainText("billing.checkout_started");
  await expect(rows).toContainText("billing.seats_changed");
  await expect(rows).toContainText("billing.portal_opened");
  await expect(rows).toContainText("team → free");
  await screenshot(page, "16-audit-billing");
});
