import { conflict } from "../../errors.js";
import { withTransaction, type ServiceContext } from "../context.js";
import { lockCreditAccount } from "../ledger/credit-account.js";
import { postMovement } from "../ledger/post-movement.js";

/**
 * A manual correction by OpenTrain staff (ledger type ADJUSTMENT): credits granted (positive)
 * or taken back (negative), against the platform's revenue book, with a mandatory note saying
 * why. Not exposed on the Public API. Taking back more than is available is a 409: available
 * never goes negative.
 */
export async function adjustCredits(
  ctx: ServiceContext,
  input: { accountId: string; amountCents: number; note: string },
): Promise<{ entryId: string }> {
  if (!Number.isSafeInteger(input.amountCents) || input.amountCents === 0) {
    throw new RangeError(`amountCents must be a non-zero integer of cents, got ${input.amountCents}`);
  }
  const note = input.note.trim();
  if (!note) throw new RangeError("an adjustment needs a note saying why");
  return withTransaction(ctx, async (tx) => {
    const balance = await lockCreditAccount(tx, input.accountId);
    if (balance.availableCents + input.amountCents < 0) {
      throw conflict("The adjustment would take the available balance below zero.", {
        availableCents: balance.availableCents,
        amountCents: input.amountCents,
      });
    }
    const { entryIds } = await postMovement(tx, balance, {
      accountId: input.accountId,
      kind: "ADJUSTMENT",
      entries: [
        {
          type: "ADJUSTMENT",
          amountCents: input.amountCents,
          note,
          postings: [
            { book: "customer_available", amountCents: input.amountCents },
            { book: "platform_revenue", amountCents: -input.amountCents },
          ],
        },
      ],
    });
    return { entryId: entryIds[0]! };
  });
}
