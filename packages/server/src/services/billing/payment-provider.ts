/**
 * The card processor behind top-ups and card funding. The sandbox implements it locally
 * (sandbox-provider.ts); a Stripe adapter implements the same methods for production:
 * createCheckoutSession → Checkout Session (mode "payment", expires_at = the top-up's expiry,
 * metadata.topUpId), savePaymentMethod → SetupIntent result, chargeSavedCard → off-session
 * PaymentIntent with `idempotencyKey` as Stripe's Idempotency-Key. Card numbers reach only the
 * sandbox provider; with Stripe they never touch this server.
 */
export interface PaymentProvider {
  /** Stored with top-ups and payment methods, e.g. "sandbox" or "stripe". */
  readonly name: string;

  /** A hosted checkout page for a top-up, valid until `expiresAt`. */
  createCheckoutSession(input: {
    topUpId: string;
    accountId: string;
    amountCents: number;
    expiresAt: Date;
  }): Promise<{ sessionId: string; url: string }>;

  /**
   * Pays a checkout session with the card the human entered. Only the sandbox has this step:
   * Stripe's page takes the card itself and reports `checkout.session.completed` by webhook.
   */
  payCheckout?(input: { sessionId: string; amountCents: number; card: CardInput }): Promise<ChargeOutcome>;

  /** Saves a card for later off-session charges (hires and milestone funding paid by card). */
  savePaymentMethod(input: { accountId: string; card: CardInput }): Promise<SaveCardOutcome>;

  /** Charges a saved card off-session. The same `idempotencyKey` never charges twice. */
  chargeSavedCard(input: {
    accountId: string;
    providerRef: string;
    amountCents: number;
    idempotencyKey: string;
    description: string;
  }): Promise<ChargeOutcome>;
}

/** A card as typed on a (sandbox) card form: digits only. */
export interface CardInput {
  number: string;
  expMonth?: number;
  expYear?: number;
}

export type ChargeOutcome =
  { status: "succeeded"; paymentIntentId: string } | { status: "declined"; declineCode: string; message: string };

export type SaveCardOutcome =
  | {
      status: "saved";
      providerRef: string;
      brand: string;
      last4: string;
      expMonth: number | null;
      expYear: number | null;
    }
  | { status: "declined"; declineCode: string; message: string };
