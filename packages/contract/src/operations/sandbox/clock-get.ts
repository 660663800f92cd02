import { z } from "zod";
import { defineOperation } from "../../define-operation.js";
import { isoTimestamp } from "../../schemas/common.js";

export const sandboxClockSchema = z.object({
  now: isoTimestamp,
  offsetSeconds: z.number().describe("How far the virtual clock is ahead of real time"),
});

export const sandboxClockGet = defineOperation({
  id: "sandbox.clockGet",
  resource: "sandbox",
  summary: "Read the sandbox's virtual clock",
  method: "GET",
  api: "sandbox",
  path: "/clock",
  auth: "sandbox",
  scope: null,
  input: z.object({}),
  output: sandboxClockSchema,
  cli: { command: ["sandbox", "clock"] },
});
