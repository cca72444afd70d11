import { afterAll, describe, expect, it } from "vitest";

import { callerFor, TEST_PASSWORD, uniqueSuffix } from "./testing/fixtures";

// The operator raises or lowers the per-IP sign-up allowance with SIGNUP_LIMIT_PER_IP (read once
// per process; this file runs in its own module graph, so setting it here is enough).
process.env.SIGNUP_LIMIT_PER_IP = "3";
afterAll(() => {
  delete process.env.SIGNUP_LIMIT_PER_IP;
});

describe("SIGNUP_LIMIT_PER_IP", () => {
  it("sets how many sign-ups one IP may make in an hour", async () => {
    const ip = `203.0.113.${Math.floor(Math.random() * 250)}`;
    const outcomes: string[] = [];
    for (let i = 0; i < 4; i++) {
      outcomes.push(
        await callerFor(null, ip)
          .account.signUp({ name: "Limit", email: `limit-${i}-${uniqueSuffix()}@example.test`, password: TEST_PASSWORD })
          .then(
            () => "ok",
            (error: { code?: string }) => error.code ?? "error",
          ),
      );
    }
    expect(outcomes).toEqual(["ok", "ok", "ok", "TOO_MANY_REQUESTS"]);
  });
});
