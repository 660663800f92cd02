import { eq } from "drizzle-orm";
import { approvals, type ApprovalRow } from "../../db/schema.js";
import { withTransaction, type ServiceContext } from "../context.js";
import { resolveApproval } from "./resolve-approval.js";

/** Simulation task kind: a pending approval reaches its expiry on the sandbox clock. */
export const APPROVAL_EXPIRY_TASK = "approval_expiry";

export function isPastExpiry(ctx: ServiceContext, row: ApprovalRow): boolean {
  return row.status === "pending" && ctx.clock.now().getTime() >= row.expiresAt.getTime();
}

/**
 * Lazy expiry of a pending approval whose row lock the caller holds: past `expiresAt` it becomes
 * `expired` (resolvedAt = expiresAt, the moment it lapsed) with its approval.confirmed event.
 * Returns the row as it now stands.
 */
export async function applyExpiry(tx: ServiceContext, row: ApprovalRow): Promise<ApprovalRow> {
  if (!isPastExpiry(tx, row)) return row;
  return resolveApproval(tx, row, { status: "expired", at: row.expiresAt });
}

/** Locks one approval row (the first lock of every approval transaction). */
export async function lockApproval(tx: ServiceContext, approvalId: string): Promise<ApprovalRow | null> {
  const [row] = await tx.db.select().from(approvals).where(eq(approvals.id, approvalId)).limit(1).for("update");
  return row ?? null;
}

/**
 * Applies the expiry of one approval if it is due (the sandbox's `approval_expiry` task runs this
 * when the virtual clock passes `expiresAt`; reads apply it lazily too, whichever comes first).
 */
export async function expireApprovalIfDue(ctx: ServiceContext, approvalId: string): Promise<ApprovalRow | null> {
  return withTransaction(ctx, async (tx) => {
    const row = await lockApproval(tx, approvalId);
    return row ? applyExpiry(tx, row) : null;
  });
}
