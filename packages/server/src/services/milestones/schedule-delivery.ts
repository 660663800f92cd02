import type { ContractRow, MilestoneRow } from "../../db/schema.js";
import { trainers } from "../../db/schema.js";
import { eq } from "drizzle-orm";
import type { ServiceContext } from "../context.js";
import { scheduleTasks } from "../simulation/schedule-task.js";

/** Simulation task kind: a sandbox trainer finishes a funded milestone and requests payout. */
export const TRAINER_DELIVERY_TASK = "trainer_delivery";

const HOUR = 3_600_000;
const MIN_DELAY = 6 * HOUR;
const MAX_DELAY = 7 * 24 * HOUR;
/** Labels a simulated trainer completes per day. */
const LABELS_PER_DAY = 1_000;

/**
 * How long a simulated trainer takes to deliver a milestone, from its size: hourly work at the
 * trainer's weekly hours (20 when unknown), labels at 1,000 a day, fixed price two days; never
 * under 6 hours or over 7 days of virtual time. Deterministic: the same milestone on the same
 * contract always takes the same time.
 */
export function deliveryDelayMs(
  contract: Pick<ContractRow, "paymentType">,
  milestone: Pick<MilestoneRow, "volume">,
  hoursPerWeek: number | null,
): number {
  let ms = 48 * HOUR;
  if (contract.paymentType === "PAY_PER_HOUR" && milestone.volume) {
    ms = (milestone.volume / Math.max(1, hoursPerWeek ?? 20)) * 7 * 24 * HOUR;
  } else if (contract.paymentType === "PAY_PER_LABEL" && milestone.volume) {
    ms = (milestone.volume / LABELS_PER_DAY) * 24 * HOUR;
  }
  return Math.round(Math.min(MAX_DELAY, Math.max(MIN_DELAY, ms)));
}

/**
 * In the sandbox, after a milestone of a simulated trainer was funded: schedules the trainer's
 * delivery (work reported as usage, then payout requested) in the funding transaction.
 */
export async function scheduleDelivery(
  tx: ServiceContext,
  contract: ContractRow,
  milestone: MilestoneRow,
): Promise<void> {
  if (tx.config.mode !== "sandbox" || !milestone.fundedAt) return;
  const [trainer] = await tx.db.select().from(trainers).where(eq(trainers.id, contract.trainerId)).limit(1);
  if (!trainer || trainer.sandboxSeed === null) return;
  await scheduleTasks(tx, [
    {
      key: `${TRAINER_DELIVERY_TASK}:${milestone.id}`,
      kind: TRAINER_DELIVERY_TASK,
      payload: { milestoneId: milestone.id },
      dueAt: new Date(milestone.fundedAt.getTime() + deliveryDelayMs(contract, milestone, trainer.hoursPerWeek)),
    },
  ]);
}
