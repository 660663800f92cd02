import { z } from "zod";
import { approvalSchema } from "./approvals.js";
import { nextCursor } from "./common.js";
import { topUpSchema } from "./credits.js";

/** Test card numbers of the sandbox checkout (spaces allowed). */
export const SANDBOX_CARDS = {
  success: "4242424242424242",
  declined: "4000000000000002",
} as const;

export const sandboxCardSchema = z
  .string()
  .trim()
  .regex(/^[0-9 ]{12,23}$/, "Use a card number such as 4242 4242 4242 4242")
  .transform((v) => v.replace(/\s+/g, ""));

/** A sandbox AI trainer: the unmasked user id, the name still masked. */
export const sandboxTrainerSchema = z.looseObject({
  id: z.string().describe("Trainer user id (use with the trainer helpers and POST /jobs/{jobId}/invites)"),
  displayName: z.string(),
});

export const sandboxTrainerPageSchema = z.object({
  trainers: z.array(sandboxTrainerSchema),
  nextCursor,
});

/** Answer of the approval helpers: the approval after the human's action. */
export const sandboxApprovalActionSchema = z.looseObject({
  approval: approvalSchema,
});

/** Answer of the checkout helper: the top-up after payment. */
export const sandboxTopUpActionSchema = z.looseObject({ topUp: topUpSchema });
