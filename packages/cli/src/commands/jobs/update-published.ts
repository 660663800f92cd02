import { operations } from "@opentrain-ai/contract";
import type { RunFn } from "../types.js";
import { asObject, requestJob } from "./common.js";
import { patchInput } from "./patch.js";

const op = operations.jobsUpdate;

/**
 * `opentrain jobs update-published <jobId> --set key=value …` → PATCH /jobs/{jobId}. A
 * moderation block is a 409 (exit 7): the reasons, what to fix and how to republish go to stderr.
 */
export const run: RunFn = async (ctx, inv) => {
  const { jobId, input } = await patchInput(ctx, inv, op);
  const res = await requestJob(ctx, op, input, { verb: "update-published", jobId });
  if (ctx.json) {
    ctx.printJson(res.body);
    return;
  }
  const body = asObject(res.body);
  const moderation = asObject(body.moderation);
  const id = typeof body.jobId === "string" ? body.jobId : jobId;
  ctx.io.println(
    `Updated job ${id}: still ${typeof body.status === "string" ? body.status : "OPEN"} (moderation: ${
      typeof moderation.decision === "string" ? moderation.decision : "ALLOW"
    }).`,
  );
  ctx.io.println(
    `Changed: ${Object.keys(input)
      .filter((k) => k !== "jobId")
      .join(", ")}`,
  );
};
