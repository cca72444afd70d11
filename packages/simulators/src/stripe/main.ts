import { closeOnSignals } from "../shared/standalone";
import { stripeSimulatorEnv } from "./env";
import { startStripeSimulator } from "./server";

// Runs the Stripe simulator on its own, for local development against `pnpm start`.
const env = stripeSimulatorEnv();
const simulator = await startStripeSimulator({
  port: env.STRIPE_SIMULATOR_PORT,
  secretKey: env.STRIPE_SECRET_KEY,
  webhook: env.STRIPE_WEBHOOK_SECRET ? { url: env.STRIPE_WEBHOOK_URL, secret: env.STRIPE_WEBHOOK_SECRET } : undefined,
});
console.log(`Stripe simulator on ${simulator.url} (STRIPE_API_HOST=127.0.0.1 STRIPE_API_PORT=${simulator.port} STRIPE_API_PROTOCOL=http)`);
closeOnSignals(simulator);
