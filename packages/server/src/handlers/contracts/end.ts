import type { operations } from "@opentrain-ai/contract";
import { principalOf, StatusResult, type Handler } from "../../http/request-context.js";
import { coSignAnswer } from "../../services/approvals/approval-view.js";
import { endContract } from "../../services/contracts/end-contract.js";

/** 200 when the contract ended now (nothing funded); 202 with the contract_end approval otherwise. */
export const end: Handler<typeof operations.contractsEnd> = async (ctx, input) => {
  const outcome = await endContract(ctx, principalOf(ctx), input.contractId);
  if (outcome.kind === "ended") return { ok: true as const, contractId: outcome.contractId, status: "ended" as const };
  return new StatusResult(202, coSignAnswer(ctx.config, outcome.approval) as never);
};
