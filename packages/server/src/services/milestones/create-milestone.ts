import type { Milestone } from "@opentrain-ai/contract";
import { max, eq } from "drizzle-orm";
import { milestones, type ContractRow } from "../../db/schema.js";
import { badRequest, conflict } from "../../errors.js";
import { newId } from "../../ids.js";
import { withTransaction, type ServiceContext } from "../context.js";
import { contractEnded } from "../contracts/contract-ended.js";
import { toMilestone } from "../contracts/contract-view.js";
import { findOwnedContract } from "../contracts/find-owned-contract.js";
import { centsForVolume, centsOfUsd, normalizeDueDate } from "./amounts.js";
import { milestoneStatusEvent } from "./set-milestone-status.js";

export interface CreateMilestoneInput {
  contractId: string;
  description: string;
  name?: string;
  amountUsd?: number;
  volume?: number;
  dueDate?: string;
}

/** The amount and volume of a new milestone under the contract's payment type (spec 30 §1.11). */
function termsFor(contract: ContractRow, input: CreateMilestoneInput): { amountCents: number; volume: number | null } {
  if (contract.paymentType === "FIXED_PRICE") {
    if (input.volume !== undefined) {
      throw badRequest("Fixed-price milestones have no volume; send amountUsd only.", { field: "volume" });
    }
    if (input.amountUsd === undefined) {
      throw badRequest("amountUsd is required on a fixed-price contract.", { field: "amountUsd" });
    }
    return { amountCents: centsOfUsd(input.amountUsd, "amountUsd"), volume: null };
  }
  const unit = contract.paymentType === "PAY_PER_HOUR" ? "hours" : "labels";
  if (input.volume === undefined) {
    throw badRequest(`volume (${unit}) is required on a ${contract.paymentType} contract.`, { field: "volume" });
  }
  if (unit === "labels" && !Number.isInteger(input.volume)) {
    throw badRequest("volume must be a whole number of labels.", { field: "volume" });
  }
  if (contract.rateMicros === null) {
    throw conflict("This contract has no rate, so a volume cannot be priced; send a fixed amount on a new contract.", {
      reason: "contract_rate_missing",
      contractId: contract.id,
    });
  }
  const expected = centsForVolume(contract.rateMicros, input.volume);
  if (expected <= 0) throw badRequest("volume is too small to cost anything at this rate.", { field: "volume" });
  if (input.amountUsd !== undefined && centsOfUsd(input.amountUsd, "amountUsd") !== expected) {
    throw badRequest(
      `amountUsd must equal the contract rate × volume (${contract.rateMicros / 1_000_000} × ${input.volume} = ${expected / 100}); send volume alone to have it computed.`,
      { field: "amountUsd", expectedAmountUsd: expected / 100, rateUsd: contract.rateMicros / 1_000_000 },
    );
  }
  return { amountCents: expected, volume: input.volume };
}

/**
 * POST /contracts/{contractId}/milestones: a NOT_FUNDED milestone, numbered after the last one
 * (under the contract row lock, so concurrent creates get distinct numbers), with its
 * `milestone.status_changed` event. No money moves.
 */
export async function createMilestone(
  ctx: ServiceContext,
  accountId: string,
  input: CreateMilestoneInput,
): Promise<Milestone> {
  return withTransaction(ctx, async (tx) => {
    const { contract } = await findOwnedContract(tx, accountId, input.contractId, { lock: true });
    if (contract.status === "ended") throw contractEnded(contract);
    const { amountCents, volume } = termsFor(contract, input);
    const dueDate = normalizeDueDate(input.dueDate, "dueDate");
    const [last] = await tx.db
      .select({ n: max(milestones.milestoneNumber) })
      .from(milestones)
      .where(eq(milestones.contractId, contract.id));
    const now = tx.clock.now();
    const [row] = await tx.db
      .insert(milestones)
      .values({
        id: newId("mst"),
        contractId: contract.id,
        accountId,
        milestoneNumber: (last?.n ?? 0) + 1,
        name: input.name ?? null,
        description: input.description,
        status: "NOT_FUNDED",
        amountCents,
        volume,
        dueDate,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await milestoneStatusEvent(tx, contract, row!.id, "NOT_FUNDED", now);
    return toMilestone(row!);
  });
}
