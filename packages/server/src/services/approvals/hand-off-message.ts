import type { ApprovalType } from "@opentrain-ai/contract";
import type { ApprovalRow } from "../../db/schema.js";
import type { Config } from "../../config.js";

const WHAT: Record<ApprovalType, string> = {
  proposal_hire: "Nothing has been hired or charged yet. The hire (a contract plus its funded first milestone)",
  milestone_fund: "No money has moved yet. Funding this milestone's escrow",
  milestone_approve: "No money has moved yet. Releasing this milestone's escrow to the AI trainer",
  contract_end: "Nothing has changed yet. Ending this contract (its funded escrow goes back to the credit balance)",
};

/**
 * The 202 hand-off text: what is waiting, where the human confirms it, and how the agent learns
 * the outcome. Agents pass it on as it is, so it names the URL and the id.
 */
export function handOffMessage(config: Pick<Config, "publicUrl">, row: ApprovalRow): string {
  const url = `${config.publicUrl}/approvals/${encodeURIComponent(row.id)}`;
  return (
    `${WHAT[row.type]} needs a signed-in human of this account to confirm it at ${url} — ` +
    `give your human that link; no API call can confirm it. ` +
    `To learn the outcome, watch GET /updates for approval.confirmed with data.approvalId "${row.id}" ` +
    `(data.status is confirmed, declined or expired), or poll GET /approvals/${row.id}. ` +
    `It expires at ${row.expiresAt.toISOString()}; after that, request it again.`
  );
}
