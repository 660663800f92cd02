import { expireApprovalIfDue } from "../../services/approvals/expire-approval.js";
import { deliverMilestoneWork } from "../../services/milestones/deliver-work.js";
import type { TaskHandler } from "../../services/simulation/run-due-tasks.js";

const str = (payload: Record<string, unknown>, key: string) => String(payload[key] ?? "");

/** A pending approval reached its expiry on the virtual clock: expire it (if still pending). */
export const approvalExpiry: TaskHandler = async (tx, task) => {
  await expireApprovalIfDue(tx, str(task.payload, "approvalId"));
};

/** A simulated trainer finished a funded milestone: report the work and request payout. */
export const trainerDelivery: TaskHandler = async (tx, task) => {
  await deliverMilestoneWork(tx, str(task.payload, "milestoneId"), task.dueAt);
};
