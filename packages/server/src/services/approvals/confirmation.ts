import type { ApprovalResolution } from "../../db/schema.js";
import { badRequest } from "../../errors.js";
import type { FundingSource } from "../ledger/index.js";
import type { HireMilestoneInput } from "../proposals/hire-proposal.js";

/** What the signed-in human chose on the approval page (or the sandbox helper on their behalf). */
export interface Confirmation {
  /** The human who confirmed; null when the sandbox helper acts for the account's owner. */
  signerUserId: string | null;
  paymentSource?: FundingSource;
  /** Edits of a hire's first milestone (the human's values win over the agent's). */
  milestone?: Partial<HireMilestoneInput>;
}

/** What an executed approval leaves behind: the API `result` and the record of the human's choice. */
export interface Execution {
  result: Record<string, unknown>;
  resolution: ApprovalResolution;
}

/** The funding source of an approval that moves money in; 400 when the human picked none. */
export function paymentSourceOf(c: Confirmation): FundingSource {
  if (c.paymentSource !== "credits" && c.paymentSource !== "card") {
    throw badRequest('Choose how to pay: paymentSource "credits" (the credit balance) or "card" (the saved card).', {
      field: "paymentSource",
    });
  }
  return c.paymentSource;
}
