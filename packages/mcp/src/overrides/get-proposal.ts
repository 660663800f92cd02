import { OPERATIONS, type Operation } from "@opentrain-ai/contract";
import { ApiError } from "@opentrain-ai/sdk";
import { success, toStructured } from "../results.js";
import { summarize } from "../summaries/index.js";
import { obj } from "../summaries/types.js";
import { toOperationInput, type Override } from "./types.js";

/** The interview transcript operation (`GET /proposals/{proposalId}/interview`), found by route. */
export function interviewOperation(operations: readonly Operation[] = OPERATIONS): Operation | undefined {
  return operations.find(
    (op) => op.method === "GET" && op.api === "public" && op.path === "/proposals/{proposalId}/interview",
  );
}

/**
 * opentrain_get_proposal: with `includeInterview: true` also reads the sanitized AI-interview
 * transcript and merges it as `interview`. A failing transcript read does not fail the tool:
 * the proposal is returned with `interviewError`.
 */
export const getProposal: Override = async ({ tool, params, ctx }) => {
  const { includeInterview, ...rest } = params;
  const input = toOperationInput(tool, rest);
  delete input.includeInterview;
  const res = await ctx.request(tool.op, input);
  const info = { tool, params, ctx, status: res.status };
  if (includeInterview !== true) return success(summarize(res.body, info), res.body);

  const merged: Record<string, unknown> = { ...toStructured(res.body) };
  let note: string;
  const op = interviewOperation();
  if (!op) {
    merged.interview = null;
    merged.interviewError = { status: null, code: "NOT_IMPLEMENTED", error: "This server has no interview operation." };
    note = "The interview transcript is not available from this server.";
  } else {
    try {
      const ir = await ctx.request(op, { proposalId: params.proposalId });
      const body = obj(ir.body);
      merged.interview = body && "interview" in body ? body.interview : ir.body;
      note = "The sanitized AI-interview transcript is included under interview.";
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      merged.interview = null;
      merged.interviewError = { status: err.status, code: err.code, error: err.message, requestId: err.requestId };
      note = `The interview transcript could not be read: ${err.status} ${err.code}: ${err.message}`;
    }
  }
  return success(`${summarize(merged, info)}\n${note}`, merged);
};
