import { z } from "zod";
import { defineOperation } from "../../define-operation.js";
import { sandboxClockSchema } from "./clock-get.js";

export const sandboxClockAdvance = defineOperation({
  id: "sandbox.clockAdvance",
  resource: "sandbox",
  summary: "Move the virtual clock forward",
  description:
    "Moves the clock forward by `seconds` or a `duration` such as 90s, 30m, 72h or 2d, and runs everything that became due before answering.",
  method: "POST",
  api: "sandbox",
  path: "/clock/advance",
  auth: "sandbox",
  scope: null,
  input: z.object({
    seconds: z.number().int().positive().max(31_536_000).optional().describe("Seconds to move forward"),
    duration: z
      .string()
      .regex(/^\d+(\.\d+)?[smhd]$/, "Use a number followed by s, m, h or d, e.g. 72h")
      .optional()
      .describe("Duration such as 30m, 72h or 2d"),
  }),
  output: sandboxClockSchema,
  errors: ["BAD_REQUEST"],
  hints: { destructive: false, idempotent: false },
  cli: { command: ["sandbox", "clock", "advance"], positional: ["duration"] },
});
