import type { OperationKey, operations } from "@opentrain-ai/contract";
import type { Handler } from "../http/request-context.js";
import { claim } from "./agent-auth/claim.js";
import { register } from "./agent-auth/register.js";
import { revoke as revokeByValue } from "./agent-auth/revoke.js";
import { token } from "./agent-auth/token.js";
import { me } from "./auth/me.js";
import { createTopUp as creditsCreateTopUp } from "./credits/create-top-up.js";
import { get as creditsGet } from "./credits/get.js";
import { getTopUp as creditsGetTopUp } from "./credits/get-top-up.js";
import { ledger as creditsLedger } from "./credits/ledger.js";
import { pending as paymentsPending } from "./payments/pending.js";
import { paymentMethodsAdd as sandboxPaymentMethodsAdd } from "./sandbox/payment-methods-add.js";
import { topUpsComplete as sandboxTopUpsComplete } from "./sandbox/top-ups-complete.js";
import { get as freelancersGet } from "./freelancers/get.js";
import { capabilities } from "./job-drafts/capabilities.js";
import { create as jobDraftsCreate } from "./job-drafts/create.js";
import { update as jobDraftsUpdate } from "./job-drafts/update.js";
import { changes as jobsChanges } from "./jobs/changes.js";
import { close as jobsClose } from "./jobs/close.js";
import { facets as jobsFacets } from "./jobs/facets.js";
import { get as jobsGet } from "./jobs/get.js";
import { invite as jobsInvite } from "./jobs/invite.js";
import { listProposals as jobsListProposals } from "./jobs/list-proposals.js";
import { mine as jobsMine } from "./jobs/mine.js";
import { publish as jobsPublish } from "./jobs/publish.js";
import { search as jobsSearch } from "./jobs/search.js";
import { update as jobsUpdate } from "./jobs/update.js";
import { list as messagesList } from "./messages/list.js";
import { send as messagesSend } from "./messages/send.js";
import { startProposalConversation as proposalsStartConversation } from "./messages/start-proposal-conversation.js";
import { get as proposalsGet } from "./proposals/get.js";
import { interview as proposalsInterview } from "./proposals/interview.js";
import { claimsComplete } from "./sandbox/claims-complete.js";
import { clockAdvance, clockGet } from "./sandbox/clock.js";
import { featuresSet } from "./sandbox/features-set.js";
import { trainersApply as sandboxTrainersApply } from "./sandbox/trainers-apply.js";
import { trainersList as sandboxTrainersList } from "./sandbox/trainers-list.js";
import { trainersMessage as sandboxTrainersMessage } from "./sandbox/trainers-message.js";
import { tokensCreate as sandboxTokensCreate } from "./sandbox/tokens-create.js";
import { get as teamGet } from "./team/get.js";
import { invite as teamInvite } from "./team/invite.js";
import { create as tokensCreate } from "./tokens/create.js";
import { list as tokensList } from "./tokens/list.js";
import { revoke as tokensRevoke } from "./tokens/revoke.js";
import { get as approvalsGet } from "./approvals/get.js";
import { end as contractsEnd } from "./contracts/end.js";
import { get as contractsGet } from "./contracts/get.js";
import { list as contractsList } from "./contracts/list.js";
import { approve as milestonesApprove } from "./milestones/approve.js";
import { create as milestonesCreate } from "./milestones/create.js";
import { fund as milestonesFund } from "./milestones/fund.js";
import { hire as proposalsHire } from "./proposals/hire.js";
import {
  approvalsConfirm as sandboxApprovalsConfirm,
  approvalsDecline as sandboxApprovalsDecline,
} from "./sandbox/approvals.js";
import { milestonesRequestPayout as sandboxMilestonesRequestPayout } from "./sandbox/milestones-request-payout.js";
import { poll as updatesPoll } from "./updates/poll.js";
import { create as webhooksCreate } from "./webhooks/create.js";
import { remove as webhooksDelete } from "./webhooks/delete.js";
import { get as webhooksGet } from "./webhooks/get.js";
import { list as webhooksList } from "./webhooks/list.js";

export type HandlerMap = { [K in OperationKey]?: Handler<(typeof operations)[K]> };

/**
 * Operation → handler. Operations of later milestones are absent and answer 404
 * `not_implemented`; the registry test pins that list so it can only shrink.
 */
export const handlers: HandlerMap = {
  agentAuthRegister: register,
  agentAuthClaim: claim,
  agentAuthToken: token,
  agentAuthRevoke: revokeByValue,
  authMe: me,
  jobDraftsCapabilities: capabilities,
  jobDraftsCreate,
  jobDraftsUpdate,
  jobsSearch,
  jobsGet,
  jobsFacets,
  jobsChanges,
  jobsMine,
  jobsPublish,
  jobsUpdate,
  jobsClose,
  jobsListProposals,
  jobsInvite,
  proposalsGet,
  proposalsInterview,
  tokensList,
  tokensCreate,
  tokensRevoke,
  teamGet,
  teamInvite,
  freelancersGet,
  sandboxClockGet: clockGet,
  sandboxClockAdvance: clockAdvance,
  sandboxClaimsComplete: claimsComplete,
  sandboxTokensCreate,
  sandboxFeaturesSet: featuresSet,
  sandboxTrainersList,
  sandboxTrainersApply,
  // messages
  messagesList,
  messagesSend,
  proposalsStartConversation,
  sandboxTrainersMessage,
  // credits and payments
  creditsGet,
  creditsLedger,
  creditsCreateTopUp,
  creditsGetTopUp,
  paymentsPending,
  sandboxTopUpsComplete,
  sandboxPaymentMethodsAdd,
  // hiring: approvals, contracts, milestones
  proposalsHire,
  approvalsGet,
  contractsList,
  contractsGet,
  contractsEnd,
  milestonesCreate,
  milestonesFund,
  milestonesApprove,
  sandboxApprovalsConfirm,
  sandboxApprovalsDecline,
  sandboxMilestonesRequestPayout,
  // events
  updatesPoll,
  webhooksCreate,
  webhooksList,
  webhooksGet,
  webhooksDelete,
};
