import type { operations } from "@opentrain-ai/contract";
import { badRequest, conflict, notFound } from "../../errors.js";
import type { Handler } from "../../http/request-context.js";
import { acceptClaim } from "../../services/claims/accept-claim.js";
import { findAttempt, type AttemptLocator } from "../../services/claims/find-attempt.js";
import { findPendingAttemptsByCode } from "../../services/claims/find-pending-by-code.js";
import { withTransaction } from "../../services/context.js";
import { findOrCreateHuman } from "../../services/users/find-or-create-human.js";

function attemptTokenFromUri(uri: string): string {
  try {
    const token = new URL(uri).searchParams.get("token");
    if (token) return token;
  } catch {
    /* reported below */
  }
  throw badRequest("verificationUri must be the verification_uri from the claim start (…/claim?token=ot_cat_…)", {
    field: "verificationUri",
  });
}

/** Does what the human does on the claim page, through the same services: sign up, enter the code, accept. */
export const claimsComplete: Handler<typeof operations.sandboxClaimsComplete> = async (ctx, input) => {
  if (!input.userCode && !input.verificationUri) {
    throw badRequest("Send userCode (the 6-digit code) or verificationUri.", { field: "userCode" });
  }
  return withTransaction(ctx, async (tx) => {
    let locator: AttemptLocator;
    if (input.verificationUri) {
      locator = { token: attemptTokenFromUri(input.verificationUri) };
    } else {
      const matches = await findPendingAttemptsByCode(tx, input.userCode!);
      if (matches.length === 0) throw notFound("No pending claim shows this code.", { userCode: input.userCode });
      if (matches.length > 1) {
        throw conflict("Several pending claims show this code; send verificationUri instead.", {
          userCode: input.userCode,
        });
      }
      locator = { id: matches[0]!.id };
    }
    const view = await findAttempt(tx, locator);
    if (!view) throw notFound("No claim attempt matches this verificationUri.");
    if (view.closedReason) throw conflict(view.closedReason);
    if (input.userCode && input.userCode !== view.attempt.userCode) {
      throw badRequest("userCode does not match this claim.", { field: "userCode" });
    }
    const user = await findOrCreateHuman(tx, view.attempt.email);
    const { accountId } = await acceptClaim(tx, { attempt: locator, user, userCode: view.attempt.userCode });
    return { completed: true as const, accountId, userId: user.id, email: view.attempt.email };
  });
};
