import type { OperationKey, operations } from "@opentrain-ai/contract";
import type { Handler } from "../http/request-context.js";
import { claim } from "./agent-auth/claim.js";
import { register } from "./agent-auth/register.js";
import { revoke as revokeByValue } from "./agent-auth/revoke.js";
import { token } from "./agent-auth/token.js";
import { me } from "./auth/me.js";
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
  // events
  updatesPoll,
  webhooksCreate,
  webhooksList,
  webhooksGet,
  webhooksDelete,
};
