import type { Config } from "../../config.js";
import { ApiError } from "../../errors.js";
import type { ServiceContext } from "../context.js";
import type { PaymentProvider } from "./payment-provider.js";
import { createSandboxProvider } from "./sandbox-provider.js";

const sandboxProviders = new Map<string, PaymentProvider>();

/**
 * The configured card processor: the local sandbox provider in sandbox mode; none in production
 * until a real adapter (Stripe) is wired in here.
 */
export function paymentProviderFor(config: Pick<Config, "mode" | "publicUrl">): PaymentProvider | null {
  if (config.mode !== "sandbox") return null;
  let provider = sandboxProviders.get(config.publicUrl);
  if (!provider) {
    provider = createSandboxProvider(config.publicUrl);
    sandboxProviders.set(config.publicUrl, provider);
  }
  return provider;
}

/** The provider, or 503 saying card payments are not set up on this server. */
export function requirePaymentProvider(ctx: ServiceContext): PaymentProvider {
  const provider = paymentProviderFor(ctx.config);
  if (!provider) {
    throw new ApiError(
      "SERVICE_UNAVAILABLE",
      "Card payments are not available on this server: no payment provider is configured, so credit top-ups, " +
        "saving a card and paying by card cannot be used. Pay from existing credits, or ask the operator to " +
        "configure a payment provider.",
      { reason: "payment_provider_not_configured" },
    );
  }
  return provider;
}
