import type { Operation } from "@opentrain-ai/contract";
import { UsageError } from "../../errors.js";
import { checkRequired, collectInput } from "../../flags.js";
import type { Context } from "../../context.js";
import type { Invocation } from "../types.js";
import { buildPatch, type PatchSources } from "./fields.js";

/**
 * The input of `jobs draft update` / `jobs update-published`: the job id (argument or
 * `--job-id`) plus the patch from `--patch-file`, `--set-file` and `--set`, validated with the
 * operation's schema (messages name the `--set key` to fix).
 */
export async function patchInput(
  ctx: Context,
  inv: Invocation,
  op: Operation,
): Promise<{ jobId: string; input: Record<string, unknown> }> {
  const binding = inv.binding!;
  const ids = await collectInput(binding, inv.opts, inv.args, ctx.io);
  checkRequired(binding, ids);
  const jobId = String(ids.jobId);
  const { patch, sources } = await buildPatch({
    set: inv.opts.set as string[] | undefined,
    setFile: inv.opts.setFile as string[] | undefined,
    patchFile: inv.opts.patchFile as string | undefined,
    readStdin: () => ctx.io.readStdin(),
  });
  if (Object.keys(patch).length === 0) {
    throw new UsageError(
      "nothing to change: give --set key=value (repeatable), --set-file key=<path> or --patch-file <json>",
    );
  }
  const input = { ...patch, jobId };
  const parsed = op.input.safeParse(input);
  if (!parsed.success) {
    const messages = parsed.error.issues.map((issue) => {
      const key = issue.path[0];
      if (typeof key !== "string") return issue.message;
      const rest = issue.path.slice(1).map(String);
      const where = key === "jobId" ? "--job-id" : (sources[key as keyof PatchSources] ?? `--set ${key}`);
      return `${where}${rest.length ? ` (${rest.join(".")})` : ""}: ${issue.message}`;
    });
    throw new UsageError(messages.join("; "));
  }
  return { jobId, input };
}
