import type { Operation } from "../define-operation.js";
import { agentAuthClaim } from "./agent-auth/claim.js";
import { agentAuthRegister } from "./agent-auth/register.js";
import { agentAuthRevoke } from "./agent-auth/revoke.js";
import { agentAuthToken } from "./agent-auth/token.js";
import { approvalsGet } from "./approvals/get.js";
import { authMe } from "./auth/me.js";
import { contractsEnd } from "./contracts/end.js";
import { contractsGet } from "./contracts/get.js";
import { contractsList } from "./contracts/list.js";
import { creditsCreateTopUp } from "./credits/create-top-up.js";
import { creditsGetTopUp } from "./credits/get-top-up.js";
import { creditsGet } from "./credits/get.js";
import { creditsLedger } from "./credits/ledger.js";
import { freelancersGet } from "./freelancers/get.js";
import { jobDraftsCapabilities } from "./job-drafts/capabilities.js";
import { jobDraftsCreate } from "./job-drafts/create.js";
import { jobDraftsUpdate } from "./job-drafts/update.js";
import { jobsChanges } from "./jobs/changes.js";
import { jobsClose } from "./jobs/close.js";
import { jobsFacets } from "./jobs/facets.js";
import { jobsGet } from "./jobs/get.js";
import { jobsInvite } from "./jobs/invite.js";
import { jobsListProposals } from "./jobs/list-proposals.js";
import { jobsMine } from "./jobs/mine.js";
import { jobsPublish } from "./jobs/publish.js";
import { jobsSearch } from "./jobs/search.js";
import { jobsUpdate } from "./jobs/update.js";
import { messagesList } from "./messages/list.js";
import { messagesSend } from "./messages/send.js";
import { milestonesApprove } from "./milestones/approve.js";
import { milestonesCreate } from "./milestones/create.js";
import { milestonesFund } from "./milestones/fund.js";
import { paymentsPending } from "./payments/pending.js";
import { proposalsGet } from "./proposals/get.js";
import { proposalsHire } from "./proposals/hire.js";
import { proposalsInterview } from "./proposals/interview.js";
import { proposalsStartConversation } from "./proposals/start-conversation.js";
import { sandboxApprovalsConfirm } from "./sandbox/approvals-confirm.js";
import { sandboxApprovalsDecline } from "./sandbox/approvals-decline.js";
import { sandboxClaimsComplete } from "./sandbox/claims-complete.js";
import { sandboxClockAdvance } from "./sandbox/clock-advance.js";
import { sandboxClockGet } from "./sandbox/clock-get.js";
import { sandboxFeaturesSet } from "./sandbox/features-set.js";
import { sandboxMilestonesRequestPayout } from "./sandbox/milestones-request-payout.js";
import { sandboxPaymentMethodsAdd } from "./sandbox/payment-methods-add.js";
import { sandboxTokensCreate } from "./sandbox/tokens-create.js";
import { sandboxTopUpsComplete } from "./sandbox/top-ups-complete.js";
import { sandboxTrainersApply } from "./sandbox/trainers-apply.js";
import { sandboxTrainersList } from "./sandbox/trainers-list.js";
import { sandboxTrainersMessage } from "./sandbox/trainers-message.js";
import { teamGet } from "./team/get.js";
import { teamInvite } from "./team/invite.js";
import { tokensCreate } from "./tokens/create.js";
import { tokensList } from "./tokens/list.js";
import { tokensRevoke } from "./tokens/revoke.js";
import { updatesPoll } from "./updates/poll.js";
import { webhooksCreate } from "./webhooks/create.js";
import { webhooksDelete } from "./webhooks/delete.js";
import { webhooksGet } from "./webhooks/get.js";
import { webhooksList } from "./webhooks/list.js";

/** Every operation, keyed for typed access (`operations.tokensRevoke`), ordered by resource. */
export const operations = {
  // agentAuth
  agentAuthRegister,
  agentAuthClaim,
  agentAuthToken,
  agentAuthRevoke,
  // auth
  authMe,
  // jobDrafts
  jobDraftsCapabilities,
  jobDraftsCreate,
  jobDraftsUpdate,
  // jobs
  jobsSearch,
  jobsGet,
  jobsFacets,
  jobsChanges,
  jobsMine,
  jobsPublish,
  jobsUpdate,
  jobsClose,
  jobsInvite,
  // proposals
  jobsListProposals,
  proposalsGet,
  proposalsInterview,
  proposalsHire,
  // freelancers
  freelancersGet,
  // messages
  messagesList,
  messagesSend,
  proposalsStartConversation,
  // contracts
  contractsList,
  contractsGet,
  contractsEnd,
  // milestones
  milestonesCreate,
  milestonesFund,
  milestonesApprove,
  // approvals
  approvalsGet,
  // credits
  creditsGet,
  creditsLedger,
  creditsCreateTopUp,
  creditsGetTopUp,
  // payments
  paymentsPending,
  // updates
  updatesPoll,
  // webhooks
  webhooksCreate,
  webhooksList,
  webhooksGet,
  webhooksDelete,
  // tokens
  tokensList,
  tokensCreate,
  tokensRevoke,
  // team
  teamGet,
  teamInvite,
  // sandbox
  sandboxClockGet,
  sandboxClockAdvance,
  sandboxClaimsComplete,
  sandboxTokensCreate,
  sandboxFeaturesSet,
  sandboxApprovalsConfirm,
  sandboxApprovalsDecline,
  sandboxTopUpsComplete,
  sandboxPaymentMethodsAdd,
  sandboxTrainersList,
  sandboxTrainersApply,
  sandboxTrainersMessage,
  sandboxMilestonesRequestPayout,
} as const;

export type OperationKey = keyof typeof operations;

/** THE registry: the one ordered list every surface is built from. */
export const OPERATIONS: readonly Operation[] = Object.values(operations) as readonly Operation[];

const byId = new Map(OPERATIONS.map((op) => [op.id, op]));

export function operationById(id: string): Operation | undefined {
  return byId.get(id);
}
