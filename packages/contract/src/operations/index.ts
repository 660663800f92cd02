import type { Operation } from "../define-operation.js";
import { agentAuthClaim } from "./agent-auth/claim.js";
import { agentAuthRegister } from "./agent-auth/register.js";
import { agentAuthRevoke } from "./agent-auth/revoke.js";
import { agentAuthToken } from "./agent-auth/token.js";
import { authMe } from "./auth/me.js";
import { jobDraftsCapabilities } from "./job-drafts/capabilities.js";
import { sandboxClaimsComplete } from "./sandbox/claims-complete.js";
import { sandboxClockAdvance } from "./sandbox/clock-advance.js";
import { sandboxClockGet } from "./sandbox/clock-get.js";
import { sandboxFeaturesSet } from "./sandbox/features-set.js";
import { sandboxTokensCreate } from "./sandbox/tokens-create.js";
import { teamGet } from "./team/get.js";
import { teamInvite } from "./team/invite.js";
import { tokensCreate } from "./tokens/create.js";
import { tokensList } from "./tokens/list.js";
import { tokensRevoke } from "./tokens/revoke.js";

/** Every operation, keyed for typed access (`operations.tokensRevoke`). */
export const operations = {
  agentAuthRegister,
  agentAuthClaim,
  agentAuthToken,
  agentAuthRevoke,
  authMe,
  jobDraftsCapabilities,
  tokensList,
  tokensCreate,
  tokensRevoke,
  teamGet,
  teamInvite,
  sandboxClockGet,
  sandboxClockAdvance,
  sandboxClaimsComplete,
  sandboxTokensCreate,
  sandboxFeaturesSet,
} as const;

export type OperationKey = keyof typeof operations;

/** THE registry: the one ordered list every surface is built from. */
export const OPERATIONS: readonly Operation[] = Object.values(operations) as readonly Operation[];

const byId = new Map(OPERATIONS.map((op) => [op.id, op]));

export function operationById(id: string): Operation | undefined {
  return byId.get(id);
}
