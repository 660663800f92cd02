import type { Config } from "../../config.js";

/** The billing page where a signed-in human adds a card (details.billingUrl of payment_method_required). */
export function billingUrl(config: Pick<Config, "publicUrl">, accountId: string): string {
  return `${config.publicUrl}/billing?account=${encodeURIComponent(accountId)}`;
}
