import { authStatusSummary, capabilitiesSummary } from "./auth.js";
import {
  getFreelancerProfileSummary,
  getProposalSummary,
  inviteFreelancerSummary,
  listProposalsSummary,
  readMessagesSummary,
  sendMessageSummary,
  startProposalConversationSummary,
} from "./candidates.js";
import {
  createWebhookSummary,
  deleteWebhookSummary,
  getWebhookSummary,
  listWebhooksSummary,
  pollUpdatesSummary,
} from "./events.js";
import { genericSummary } from "./generic.js";
import {
  closeJobSummary,
  createJobDraftSummary,
  listJobsSummary,
  publishJobSummary,
  searchJobsSummary,
  updateJobDraftSummary,
  updatePublishedJobSummary,
} from "./jobs.js";
import {
  coSignSummary,
  createCreditTopUpSummary,
  createMilestoneSummary,
  endContractSummary,
  getApprovalSummary,
  getContractSummary,
  getCreditTopUpSummary,
  getCreditsSummary,
  listContractsSummary,
  listCreditLedgerSummary,
  listPendingPaymentsSummary,
} from "./money.js";
import { getTeamSummary, inviteTeamMemberSummary } from "./team.js";
import { listTokensSummary, revokeTokenSummary } from "./tokens.js";
import type { SummaryInfo, Summarizer } from "./types.js";

export * from "./auth.js";
export * from "./candidates.js";
export * from "./events.js";
export { genericSummary } from "./generic.js";
export * from "./jobs.js";
export * from "./money.js";
export { NEXT_STEPS } from "./next-steps.js";
export type { SummaryInfo, Summarizer } from "./types.js";

/** Bespoke summaries by tool name; every other tool gets the generic one. */
export const SUMMARIES: Readonly<Record<string, Summarizer>> = {
  opentrain_auth_status: authStatusSummary,
  opentrain_capabilities: capabilitiesSummary,
  opentrain_list_tokens: listTokensSummary,
  opentrain_revoke_token: revokeTokenSummary,
  opentrain_get_team: getTeamSummary,
  opentrain_invite_team_member: inviteTeamMemberSummary,
  opentrain_create_job_draft: createJobDraftSummary,
  opentrain_update_job_draft_fields: updateJobDraftSummary,
  opentrain_publish_job: publishJobSummary,
  opentrain_update_published_job: updatePublishedJobSummary,
  opentrain_close_job: closeJobSummary,
  opentrain_list_jobs: listJobsSummary,
  opentrain_search_jobs: searchJobsSummary,
  opentrain_list_proposals: listProposalsSummary,
  opentrain_get_proposal: getProposalSummary,
  opentrain_get_freelancer_profile: getFreelancerProfileSummary,
  opentrain_invite_freelancer: inviteFreelancerSummary,
  opentrain_read_messages: readMessagesSummary,
  opentrain_send_message: sendMessageSummary,
  opentrain_start_proposal_conversation: startProposalConversationSummary,
  opentrain_hire_proposal: coSignSummary,
  opentrain_list_contracts: listContractsSummary,
  opentrain_get_contract: getContractSummary,
  opentrain_create_milestone: createMilestoneSummary,
  opentrain_request_milestone_funding: coSignSummary,
  opentrain_request_milestone_approval: coSignSummary,
  opentrain_get_approval: getApprovalSummary,
  opentrain_end_contract: endContractSummary,
  opentrain_get_credits: getCreditsSummary,
  opentrain_list_credit_ledger: listCreditLedgerSummary,
  opentrain_create_credit_top_up: createCreditTopUpSummary,
  opentrain_get_credit_top_up: getCreditTopUpSummary,
  opentrain_list_pending_payments: listPendingPaymentsSummary,
  opentrain_poll_updates: pollUpdatesSummary,
  opentrain_create_webhook: createWebhookSummary,
  opentrain_list_webhooks: listWebhooksSummary,
  opentrain_get_webhook: getWebhookSummary,
  opentrain_delete_webhook: deleteWebhookSummary,
};

/** The text block of a successful result; falls back to the generic summary if a bespoke one fails. */
export function summarize(data: unknown, info: SummaryInfo): string {
  const bespoke = SUMMARIES[info.tool.name];
  if (bespoke) {
    try {
      return bespoke(data, info);
    } catch {
      // A body that does not match the expected shape still gets a summary.
    }
  }
  return genericSummary(data, info);
}
