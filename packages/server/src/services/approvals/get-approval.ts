import { eq } from "drizzle-orm";
import { approvals, type ApprovalRow } from "../../db/schema.js";
import type { Principal, ServiceContext } from "../context.js";
import { approvalNotFound } from "./approval-errors.js";
import { expireApprovalIfDue, isPastExpiry } from "./expire-approval.js";

/**
 * GET /approvals/{approvalId}: visible to the account's owner and to the token that requested
 * it (anyone else: 404). A pending approval past `expiresAt` is expired on this read (with its
 * approval.confirmed event) before it is returned.
 */
export async function getApproval(ctx: ServiceContext, principal: Principal, approvalId: string): Promise<ApprovalRow> {
  const [row] = await ctx.db.select().from(approvals).where(eq(approvals.id, approvalId)).limit(1);
  const visible =
    row &&
    row.accountId === principal.accountId &&
    (principal.role === "OWNER" || (principal.tokenId !== "" && row.requestedByTokenId === principal.tokenId));
  if (!visible) throw approvalNotFound(approvalId);
  if (!isPastExpiry(ctx, row)) return row;
  return (await expireApprovalIfDue(ctx, row.id))!;
}
