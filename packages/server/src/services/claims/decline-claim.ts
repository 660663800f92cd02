import { eq } from "drizzle-orm";
import { claimAttempts } from "../../db/schema.js";
import { conflict, forbidden, notFound } from "../../errors.js";
import { withTransaction, type ServiceContext } from "../context.js";
import type { UserRow } from "../users/find-user-by-email.js";
import { findAttempt, type AttemptLocator } from "./find-attempt.js";

/** The human refuses the claim; the agent's next poll answers access_denied. */
export async function declineClaim(
  ctx: ServiceContext,
  args: { attempt: AttemptLocator; user: UserRow },
): Promise<void> {
  await withTransaction(ctx, async (tx) => {
    const view = await findAttempt(tx, args.attempt, { forUpdate: true });
    if (!view) throw notFound("This claim link is not valid.");
    if (view.closedReason) throw conflict(view.closedReason);
    if (!args.user.email || args.user.email.toLowerCase() !== view.attempt.email.toLowerCase()) {
      throw forbidden(`This claim was sent to ${view.attempt.email}.`);
    }
    await tx.db
      .update(claimAttempts)
      .set({ status: "declined", resolvedAt: tx.clock.now() })
      .where(eq(claimAttempts.id, view.attempt.id));
  });
}
