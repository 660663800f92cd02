import type { operations } from "@opentrain-ai/contract";
import { principalOf, type Handler } from "../../http/request-context.js";
import { updateDraft } from "../../services/job-drafts/update-draft.js";

export const update: Handler<typeof operations.jobDraftsUpdate> = (ctx, { jobId, ...patch }) =>
  updateDraft(ctx, principalOf(ctx), jobId, patch);
