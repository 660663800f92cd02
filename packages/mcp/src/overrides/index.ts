import { claimAccount } from "./claim-account.js";
import { claimStatus } from "./claim-status.js";
import { getProposal } from "./get-proposal.js";
import { registerAgent } from "./register-agent.js";
import type { Override } from "./types.js";

export type { Override, OverrideArgs } from "./types.js";

/** Tools whose handler is hand-written; all others are the generic call-and-summarise handler. */
export const OVERRIDES: Readonly<Record<string, Override>> = {
  opentrain_register_agent: registerAgent,
  opentrain_claim_account: claimAccount,
  opentrain_claim_status: claimStatus,
  opentrain_get_proposal: getProposal,
};
