import { operations } from "@opentrain-ai/contract";
import { UsageError } from "../../errors.js";
import { collectInput, validateInput } from "../../flags.js";
import type { RunFn } from "../types.js";
import { asObject, requestJob } from "./common.js";
import { command, renderPublicJobs } from "./render.js";

const op = operations.jobsSearch;

/** Filters in the order they are repeated in the next-page command. */
const FILTERS: [key: string, flag: string][] = [
  ["category", "--category"],
  ["language", "--language"],
  ["country", "--country"],
  ["payType", "--pay-type"],
  ["limit", "--limit"],
];

/** `opentrain jobs search [query…] [--category …] [--language …] …` → GET /jobs (no token needed). */
export const run: RunFn = async (ctx, inv) => {
  const binding = inv.binding!;
  const input = await collectInput(binding, inv.opts, [], ctx.io);
  const words = ((inv.args[0] as string[] | undefined) ?? []).join(" ").trim();
  if (words) {
    if (typeof input.q === "string" && input.q !== words) {
      throw new UsageError("--q and the query words differ; give the query once");
    }
    input.q = words;
  }
  validateInput(binding, op, input);
  const res = await requestJob(ctx, op, input);
  if (ctx.json) {
    ctx.printJson(res.body);
    return;
  }
  const body = asObject(res.body);
  const jobs = Array.isArray(body.jobs) ? (body.jobs as Record<string, unknown>[]) : [];
  const io = ctx.io;
  if (jobs.length === 0) io.println("No open jobs match.");
  else io.out(renderPublicJobs(io, jobs));
  if (typeof body.nextCursor === "string") {
    const args: string[] = ["jobs", "search"];
    if (typeof input.q === "string" && input.q) args.push(input.q);
    for (const [key, flag] of FILTERS) if (input[key] !== undefined) args.push(flag, String(input[key]));
    args.push("--cursor", body.nextCursor);
    io.println();
    io.println(`Next page: ${command(args)}`);
  }
};
