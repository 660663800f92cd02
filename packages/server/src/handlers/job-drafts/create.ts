import type { operations } from "@opentrain-ai/contract";
import { principalOf, StatusResult, type Handler } from "../../http/request-context.js";
import { createDraft } from "../../services/job-drafts/create-draft.js";

/** 201 for a new draft, 200 when an idempotency key replays an earlier request. */
export const create: Handler<typeof operations.jobDraftsCreate> = async (ctx, input) => {
  const { created, result } = await createDraft(ctx, principalOf(ctx), input);
  return created ? result : new StatusResult(200, result);
};
