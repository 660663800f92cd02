import { SANDBOX_CARDS } from "@opentrain-ai/contract";
import { badRequest } from "../../errors.js";
import { newId, randomBase62 } from "../../ids.js";
import type { CardInput, ChargeOutcome, PaymentProvider, SaveCardOutcome } from "./payment-provider.js";

/** Saves fine, but every later charge is declined (Stripe's 4000 0000 0000 0341). */
export const SANDBOX_CHARGE_DECLINED_CARD = "4000000000000341";

type Behaviour = "ok" | "declined" | "charge_declined";

const BEHAVIOUR: Record<string, Behaviour> = {
  [SANDBOX_CARDS.success]: "ok",
  [SANDBOX_CARDS.declined]: "declined",
  [SANDBOX_CHARGE_DECLINED_CARD]: "charge_declined",
};

const DECLINED: ChargeOutcome & { status: "declined" } = {
  status: "declined",
  declineCode: "card_declined",
  message: "Your card was declined.",
};

/** The test cards' behaviour; any other number is refused with what to use instead. */
function behaviourOf(card: CardInput): Behaviour {
  const behaviour = BEHAVIOUR[card.number];
  if (!behaviour) {
    throw badRequest(
      "Sandbox mode takes test cards only: 4242 4242 4242 4242 (succeeds), 4000 0000 0000 0002 (declined) or " +
        "4000 0000 0000 0341 (saves, then every charge is declined).",
      { field: "card" },
    );
  }
  return behaviour;
}

/** Local stand-in for the card processor: test card numbers decide the outcome, nothing leaves the machine. */
export function createSandboxProvider(publicUrl: string): PaymentProvider {
  return {
    name: "sandbox",

    async createCheckoutSession({ topUpId }) {
      return {
        sessionId: `cs_sbx_${randomBase62(24)}`,
        url: `${publicUrl}/checkout/${encodeURIComponent(topUpId)}`,
      };
    },

    async payCheckout({ card }) {
      if (behaviourOf(card) === "declined") return DECLINED;
      return { status: "succeeded", paymentIntentId: newId("pi_sbx") };
    },

    async savePaymentMethod({ card }): Promise<SaveCardOutcome> {
      const behaviour = behaviourOf(card);
      if (behaviour === "declined") return DECLINED;
      return {
        status: "saved",
        providerRef: `pm_sbx_${behaviour}_${randomBase62(16)}`,
        brand: "visa",
        last4: card.number.slice(-4),
        expMonth: card.expMonth ?? null,
        expYear: card.expYear ?? null,
      };
    },

    async chargeSavedCard({ providerRef }) {
      if (providerRef.startsWith("pm_sbx_charge_declined_")) return DECLINED;
      return { status: "succeeded", paymentIntentId: newId("pi_sbx") };
    },
  };
}
