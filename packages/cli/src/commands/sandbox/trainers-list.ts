import { operations } from "@opentrain-ai/contract";
import { collectInput, validateInput } from "../../flags.js";
import { renderTable } from "../../output/table.js";
import { command } from "../jobs/render.js";
import type { RunFn } from "../types.js";

const op = operations.sandboxTrainersList;

type Obj = Record<string, unknown>;
const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);

/** `opentrain sandbox trainers list [--limit N] [--cursor C]`: ID, NAME, STATUS, LEVEL, RATE, LANGUAGES, LABEL TYPES. */
export const run: RunFn = async (ctx, inv) => {
  const binding = inv.binding!;
  const input = await collectInput(binding, inv.opts, inv.args, ctx.io);
  validateInput(binding, op, input);
  const client = await ctx.clientFor(op, { sandboxSecret: inv.opts.sandboxSecret as string | undefined });
  const body = (await client.call(op, input as never)) as Obj;
  if (ctx.json) {
    ctx.printJson(body);
    return;
  }
  const io = ctx.io;
  const trainers = (Array.isArray(body.trainers) ? body.trainers : []) as Obj[];
  if (trainers.length === 0) io.println("No sandbox trainers.");
  else {
    io.out(
      renderTable(io, {
        headers: ["ID", "NAME", "STATUS", "LEVEL", "RATE", "LANGUAGES", "LABEL TYPES"],
        rows: trainers.map((t) => [
          str(t.id) ?? "-",
          str(t.displayName) ?? "-",
          str(t.status) ?? "-",
          str(t.experienceLevel) ?? "-",
          typeof t.hourlyRateUsd === "number" ? `$${t.hourlyRateUsd}/h` : "-",
          (Array.isArray(t.languages) ? (t.languages as Obj[]) : []).map((l) => str(l.language) ?? "?").join(", ") ||
            "-",
          (Array.isArray(t.labelTypes) ? (t.labelTypes as string[]) : []).join(", ") || "-",
        ]),
      }),
    );
  }
  if (typeof body.nextCursor === "string") {
    const next = command([
      "sandbox",
      "trainers",
      "list",
      ...(input.limit !== undefined ? ["--limit", String(input.limit)] : []),
      "--cursor",
      body.nextCursor,
    ]);
    io.println();
    io.println(`Next page: ${next}`);
  }
};
