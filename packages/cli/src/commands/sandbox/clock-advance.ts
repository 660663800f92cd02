import { operations } from "@opentrain-ai/contract";
import { UsageError } from "../../errors.js";
import { validateInput } from "../../flags.js";
import { renderPairs } from "../../output/table.js";
import type { RunFn } from "../types.js";

const op = operations.sandboxClockAdvance;

/** `72h`, `30m`, `90s`, `2d` or a bare number of seconds → the helper's input. */
export function parseDuration(raw: string): { seconds: number } | { duration: string } {
  const t = raw.trim();
  if (/^\d+$/.test(t)) {
    const seconds = Number(t);
    if (seconds <= 0) throw new UsageError("the duration must be more than 0 seconds");
    return { seconds };
  }
  if (/^\d+(\.\d+)?[smhd]$/.test(t)) return { duration: t };
  throw new UsageError(`invalid duration "${raw}": use seconds (3600) or a number followed by s, m, h or d (72h)`);
}

/** `opentrain sandbox clock advance <duration>` */
export const run: RunFn = async (ctx, inv) => {
  const input = parseDuration(String(inv.args[0] ?? ""));
  validateInput(null, op, input);
  const client = await ctx.clientFor(op, { sandboxSecret: inv.opts.sandboxSecret as string | undefined });
  const res = await client.call(op, input);
  if (ctx.json) {
    ctx.printJson(res);
    return;
  }
  ctx.io.println("Clock advanced.");
  ctx.io.out(
    renderPairs([
      ["Now", res.now],
      ["Offset", `${res.offsetSeconds} s ahead of real time`],
    ]),
  );
};
