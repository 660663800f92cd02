import { z } from "zod";
import { defineOperation } from "../../define-operation.js";
import { cursorParam, limitParam } from "../../schemas/common.js";
import { sandboxTrainerPageSchema } from "../../schemas/sandbox.js";

export const sandboxTrainersList = defineOperation({
  id: "sandbox.trainersList",
  resource: "sandbox",
  summary: "List the sandbox AI trainers",
  description: "The simulated trainer pool with unmasked user ids (names stay masked).",
  method: "GET",
  api: "sandbox",
  path: "/trainers",
  auth: "sandbox",
  scope: null,
  input: z.object({
    limit: limitParam(100, 20).optional(),
    cursor: cursorParam.optional(),
  }),
  output: sandboxTrainerPageSchema,
  errors: ["BAD_REQUEST"],
  cli: { command: ["sandbox", "trainers", "list"] },
});
