import type { Contract, ContractStatus } from "@opentrain-ai/contract";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { contracts, milestones, trainers, type MilestoneRow } from "../../db/schema.js";
import { forbidden, notFound } from "../../errors.js";
import type { ServiceContext } from "../context.js";
import { findJob } from "../jobs/find-job.js";
import { toContract } from "./contract-view.js";

/** The list is not paginated (spec 30 §1.9); one contract per hired trainer per job keeps it short. */
export const CONTRACT_LIST_CAP = 1000;

/**
 * GET /contracts: the account's contracts, newest first, each with its milestone timeline. A
 * `jobId` of another account is a 403 and an unknown one a 404, as the spec says for this filter.
 */
export async function listContracts(
  ctx: ServiceContext,
  accountId: string,
  filter: { jobId?: string; status?: ContractStatus },
): Promise<Contract[]> {
  if (filter.jobId) {
    const job = await findJob(ctx, filter.jobId);
    if (!job) throw notFound("No job with this id.", { resource: "jobs", jobId: filter.jobId });
    if (job.accountId !== accountId) {
      throw forbidden("This job belongs to another account.", { field: "jobId", jobId: filter.jobId });
    }
  }
  const where = [eq(contracts.accountId, accountId)];
  if (filter.jobId) where.push(eq(contracts.jobId, filter.jobId));
  if (filter.status) where.push(eq(contracts.status, filter.status));
  const rows = await ctx.db
    .select({ contract: contracts, trainer: trainers })
    .from(contracts)
    .innerJoin(trainers, eq(trainers.id, contracts.trainerId))
    .where(and(...where))
    .orderBy(desc(contracts.createdAt), desc(contracts.id))
    .limit(CONTRACT_LIST_CAP);
  if (rows.length === 0) return [];
  const all = await ctx.db
    .select()
    .from(milestones)
    .where(
      inArray(
        milestones.contractId,
        rows.map((r) => r.contract.id),
      ),
    )
    .orderBy(asc(milestones.milestoneNumber));
  const byContract = new Map<string, MilestoneRow[]>();
  for (const m of all) byContract.set(m.contractId, [...(byContract.get(m.contractId) ?? []), m]);
  return rows.map((r) => toContract(r.contract, r.trainer, byContract.get(r.contract.id) ?? []));
}
