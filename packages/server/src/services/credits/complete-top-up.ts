import type { TopUp } from "@opentrain-ai/contract";
import { eq } from "drizzle-orm";
import { creditTopUps } from "../../db/schema.js";
import { ApiError, conflict } from "../../errors.js";
import type { CardInput, ChargeOutcome } from "../billing/payment-provider.js";
import { requirePaymentProvider } from "../billing/provider.js";
import { withTransaction, type ServiceContext } from "../context.js";
import { lockCreditAccount } from "../ledger/credit-account.js";
import { formatUsd } from "../ledger/format.js";
import { postMovement } from "../ledger/post-movement.js";
import { findTopUp } from "./find-top-up.js";
import { toTopUp, type TopUpRow } from "./top-up-view.js";

type Attempt =
  | { kind: "completed"; row: TopUpRow; alreadyPaid: boolean }
  | { kind: "declined"; outcome: ChargeOutcome & { status: "declined" } }
  | { kind: "closed"; row: TopUpRow };

/**
 * Records a paid checkout: under the top-up's row lock (then the balance lock) the TOP_UP entry,
 * its postings (card_clearing -> customer_available), the balance and the COMPLETED status are
 * written together. A top-up that is already COMPLETED is returned as it is without paying again,
 * so paying twice — even concurrently — credits once. `pay` runs only for a PENDING, unexpired
 * top-up, under the lock; a decline writes nothing.
 */
export async function recordTopUpPayment(
  ctx: ServiceContext,
  input: { topUpId: string; accountId?: string },
  pay: (row: TopUpRow) => Promise<ChargeOutcome>,
): Promise<Attempt> {
  return withTransaction(ctx, async (tx) => {
    const row = await findTopUp(tx, input.topUpId, { accountId: input.accountId, lock: true });
    if (row.status === "COMPLETED") return { kind: "completed", row, alreadyPaid: true };
    if (row.status !== "PENDING") return { kind: "closed", row };
    const outcome = await pay(row);
    if (outcome.status === "declined") return { kind: "declined", outcome };
    const balance = await lockCreditAccount(tx, row.accountId);
    const now = tx.clock.now();
    await postMovement(tx, balance, {
      at: now,
      accountId: row.accountId,
      kind: "TOP_UP",
      source: "card",
      topUpId: row.id,
      entries: [
        {
          type: "TOP_UP",
          amountCents: row.amountCents,
          topUpId: row.id,
          note: `Credit top-up ${formatUsd(row.amountCents)}`,
          postings: [
            { book: "card_clearing", amountCents: -row.amountCents },
            { book: "customer_available", amountCents: row.amountCents },
          ],
        },
      ],
    });
    const [done] = await tx.db
      .update(creditTopUps)
      .set({ status: "COMPLETED", completedAt: now, paymentIntentId: outcome.paymentIntentId })
      .where(eq(creditTopUps.id, row.id))
      .returning();
    return { kind: "completed", row: done!, alreadyPaid: false };
  });
}

/**
 * Pays a top-up's checkout with a card typed on the sandbox checkout page (or the sandbox
 * helper). Declined: 402 PAYMENT_DECLINED and the top-up stays PENDING. Expired or canceled:
 * 409 CONFLICT (create a new top-up). Already paid: the completed top-up, unchanged.
 */
export async function payTopUpWithCard(
  ctx: ServiceContext,
  input: { topUpId: string; card: CardInput; accountId?: string },
): Promise<{ topUp: TopUp; alreadyPaid: boolean }> {
  const provider = requirePaymentProvider(ctx);
  const payCheckout = provider.payCheckout;
  if (!payCheckout) {
    throw conflict("This top-up is paid on the payment provider's own checkout page.", { topUpId: input.topUpId });
  }
  const attempt = await recordTopUpPayment(ctx, input, (row) =>
    payCheckout({ sessionId: row.checkoutSessionId, amountCents: row.amountCents, card: input.card }),
  );
  const now = ctx.clock.now();
  switch (attempt.kind) {
    case "completed":
      return { topUp: toTopUp(attempt.row, now), alreadyPaid: attempt.alreadyPaid };
    case "declined":
      throw new ApiError(
        "PAYMENT_DECLINED",
        `${attempt.outcome.message} The top-up is still pending: try another card before it expires.`,
        { declineCode: attempt.outcome.declineCode, topUpId: input.topUpId },
      );
    case "closed": {
      const status = toTopUp(attempt.row, now).status;
      throw conflict(`This top-up is ${status.toLowerCase()} and can no longer be paid; create a new top-up.`, {
        topUpId: input.topUpId,
        status,
      });
    }
  }
}
