/**
 * The suggested next step per tool (spec 40 §8.2: summaries often end with one). Tools with a
 * bespoke summary write their own; these close the generic summary.
 */
export const NEXT_STEPS: Readonly<Record<string, string>> = {
  opentrain_create_job_draft:
    "if validation.publishReady is false, ask the human each missing field's question and patch the answers with opentrain_update_job_draft_fields; once publish-ready, call opentrain_publish_job.",
  opentrain_update_job_draft_fields:
    "keep patching until validation.publishReady is true, then call opentrain_publish_job.",
  opentrain_publish_job:
    "share the job URL with the human; watch for proposals with opentrain_poll_updates or opentrain_list_proposals.",
  opentrain_update_published_job: "if moderation pushed the job back to DRAFT, fix what it lists and publish again.",
  opentrain_close_job: "the job no longer accepts proposals; existing contracts continue (opentrain_list_contracts).",
  opentrain_list_jobs: "open a job's candidates with opentrain_list_proposals.",
  opentrain_search_jobs:
    "use similar jobs to calibrate rates and scope before drafting with opentrain_create_job_draft.",
  opentrain_list_proposals:
    "read a candidate in depth with opentrain_get_proposal (includeInterview: true for the transcript) or opentrain_get_freelancer_profile.",
  opentrain_get_proposal:
    "talk to the candidate with opentrain_start_proposal_conversation, or request the hire with opentrain_hire_proposal.",
  opentrain_get_freelancer_profile:
    "invite them with opentrain_invite_freelancer, or compare proposals with opentrain_list_proposals.",
  opentrain_invite_freelancer: "watch opentrain_poll_updates for their response.",
  opentrain_hire_proposal:
    "give the human the approvalUrl to confirm the hire; then check opentrain_get_approval or watch opentrain_poll_updates for approval.confirmed.",
  opentrain_read_messages: "reply with opentrain_send_message using the conversationId.",
  opentrain_send_message:
    "watch opentrain_poll_updates for message.received, or read replies with opentrain_read_messages.",
  opentrain_start_proposal_conversation: "send the first message with opentrain_send_message and this conversationId.",
  opentrain_list_contracts: "read one in detail with opentrain_get_contract.",
  opentrain_get_contract:
    "add work with opentrain_create_milestone, or fund a milestone with opentrain_request_milestone_funding.",
  opentrain_create_milestone: "request escrow funding with opentrain_request_milestone_funding.",
  opentrain_request_milestone_funding:
    "give the human the approvalUrl to confirm funding (expires in ~72 h); then check opentrain_get_approval.",
  opentrain_request_milestone_approval:
    "give the human the approvalUrl to confirm the payment release (expires in ~72 h); then check opentrain_get_approval.",
  opentrain_get_approval:
    "if still pending, remind the human of the approvalUrl; poll again later or watch opentrain_poll_updates.",
  opentrain_end_contract:
    "if an approval is pending, give the human its approvalUrl; otherwise the contract has ended.",
  opentrain_get_credits: "to add credits, call opentrain_create_credit_top_up.",
  opentrain_list_credit_ledger: "pass nextCursor to page further.",
  opentrain_create_credit_top_up:
    "give the human the checkoutUrl to pay (expires in ~24 h); then check opentrain_get_credit_top_up.",
  opentrain_get_credit_top_up: "if pending, remind the human to pay at the checkoutUrl.",
  opentrain_poll_updates:
    "fetch details with the matching read tool for each event, and pass nextCursor on the next poll.",
  opentrain_create_webhook: "store the signing secret now — it is never shown again.",
  opentrain_list_webhooks: "inspect one with opentrain_get_webhook; re-create DISABLED ones.",
  opentrain_get_webhook: "if DISABLED, delete it with opentrain_delete_webhook and create a new one.",
  opentrain_delete_webhook: "create a new subscription with opentrain_create_webhook if you still need deliveries.",
  opentrain_list_pending_payments: "track each approval with opentrain_get_approval.",
};
