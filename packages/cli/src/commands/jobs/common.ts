import { exitCodeFor, type Operation } from "@opentrain-ai/contract";
import type { Context } from "../../context.js";
import { ExitSignal, formatApiError } from "../../errors.js";
import { command, flaggedFields, gapLines, gapsOf, moderationLines } from "./render.js";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** The SDK's ApiError, checked structurally (commands stay free of SDK classes). */
export interface ApiErrorLike {
  name: "ApiError";
  status: number;
  code: string;
  message: string;
  details?: Record<string, unknown>;
  requestId?: string | null;
}

export function isApiError(err: unknown): err is ApiErrorLike {
  return err instanceof Error && err.name === "ApiError";
}

/** Which command met the error, for the advice. */
export type JobVerb = "draft update" | "publish" | "update-published" | "close";

/**
 * What to do about a jobs error whose fix is known: a moderation block (reasons, fixes and
 * the commands to fix and republish), a publish that is not ready (the questions), or a job
 * in the wrong state (the command that fits it). Empty when there is nothing to add.
 */
export function jobErrorAdvice(err: ApiErrorLike, verb: JobVerb, jobId: string): string[] {
  const d = err.details ?? {};
  const reason = typeof d.reason === "string" ? d.reason : undefined;
  const id = typeof d.jobId === "string" ? d.jobId : jobId;
  const fixCommands = () => [
    "Fix it, then publish again:",
    ...flaggedFields(d).map((f) => `  ${command(["jobs", "draft", "update", id])} --set ${f}="<text>"`),
    `  ${command(["jobs", "publish", id])}`,
  ];
  switch (reason) {
    case "moderation_blocked":
      if (verb === "update-published") {
        return [
          `Moderation blocked this edit. The edit was saved and job ${id} is back in DRAFT: it is off the marketplace until you publish it again.`,
          ...moderationLines(d),
          ...fixCommands(),
        ];
      }
      return [`Moderation blocked publishing; job ${id} stays a DRAFT.`, ...moderationLines(d), ...fixCommands()];
    case "not_publish_ready": {
      const gaps = gapsOf({ validation: d.validation, missingFields: d.missingFields });
      if (gaps.length === 0) return [];
      if (verb === "update-published") {
        return [
          "Nothing was saved: the edit would leave the live job incomplete. Answer these in the same edit:",
          ...gapLines(id, gaps, ["jobs", "update-published"]),
        ];
      }
      return [`Job ${id} is not ready to publish. Answer these first:`, ...gapLines(id, gaps)];
    }
    case "job_not_open":
      if (d.status === "DRAFT") {
        return [
          `Job ${id} is a DRAFT: edit it with "${command(["jobs", "draft", "update", id])} --set key=value", then "${command(["jobs", "publish", id])}".`,
        ];
      }
      return [];
    case "job_not_draft":
      if (d.status === "OPEN" && verb === "draft update") {
        return [`Job ${id} is live: edit it with "${command(["jobs", "update-published", id])} --set key=value".`];
      }
      return [];
    default:
      return [];
  }
}

/**
 * Calls `op`; a jobs error with known advice is printed (error line, details, advice) and ends
 * the command with the error's exit code. Other errors propagate to the standard reporting.
 */
export async function requestJob(
  ctx: Context,
  op: Operation,
  input: Record<string, unknown>,
  advice?: { verb: JobVerb; jobId: string },
): Promise<{ status: number; body: unknown }> {
  const client = await ctx.clientFor(op);
  try {
    const res = await client.request(op, input as never);
    return { status: res.status, body: res.body };
  } catch (err) {
    if (!advice || !isApiError(err)) throw err;
    const extra = jobErrorAdvice(err, advice.verb, advice.jobId);
    if (extra.length === 0) throw err;
    for (const line of formatApiError(err)) ctx.io.eprintln(line);
    if (!ctx.json) {
      ctx.io.eprintln();
      for (const line of extra) ctx.io.eprintln(line);
    }
    throw new ExitSignal(exitCodeFor(err.code, err.status));
  }
}

/** A body as an object (the API answers objects). */
export function asObject(body: unknown): Obj {
  return isObj(body) ? body : {};
}
