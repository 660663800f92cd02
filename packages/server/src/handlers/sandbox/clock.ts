import type { operations } from "@opentrain-ai/contract";
import { badRequest } from "../../errors.js";
import type { Handler, RequestContext } from "../../http/request-context.js";
import { parseDuration, type SandboxRuntime } from "../../sandbox/runtime.js";

function runtime(ctx: RequestContext): SandboxRuntime {
  if (!ctx.sandbox) throw new Error("sandbox helper reached without a sandbox runtime");
  return ctx.sandbox;
}

const clockBody = (rt: SandboxRuntime) => ({
  now: rt.clock.now().toISOString(),
  offsetSeconds: Math.round(rt.clock.offset / 1000),
});

export const clockGet: Handler<typeof operations.sandboxClockGet> = async (ctx) => {
  const rt = runtime(ctx);
  await rt.syncClock();
  return clockBody(rt);
};

export const clockAdvance: Handler<typeof operations.sandboxClockAdvance> = async (ctx, input) => {
  const rt = runtime(ctx);
  if ((input.seconds === undefined) === (input.duration === undefined)) {
    throw badRequest('Send exactly one of "seconds" (a number) or "duration" (e.g. "72h").', { field: "duration" });
  }
  const ms = input.seconds !== undefined ? input.seconds * 1000 : parseDuration(input.duration!);
  if (ms <= 0) throw badRequest("The clock only moves forward; give a positive duration.", { field: "duration" });
  await rt.advance(ms);
  return clockBody(rt);
};
