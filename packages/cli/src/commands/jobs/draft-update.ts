import { operations } from "@opentrain-ai/contract";
import type { RunFn } from "../types.js";
import { asObject, requestJob } from "./common.js";
import { patchInput } from "./patch.js";
import { renderDraftReport } from "./render.js";

const op = operations.jobDraftsUpdate;

/** `opentrain jobs draft update <jobId> --set key=value … [--patch-file f]` → PATCH /job-drafts/{jobId}. */
export const run: RunFn = async (ctx, inv) => {
  const { jobId, input } = await patchInput(ctx, inv, op);
  const res = await requestJob(ctx, op, input, { verb: "draft update", jobId });
  if (ctx.json) {
    ctx.printJson(res.body);
    return;
  }
  ctx.io.out(renderDraftReport(asObject(res.body), { created: false }));
};
