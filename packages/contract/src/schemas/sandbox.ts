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

/** A sandbox AI trainer: the unmasked user id, the name still masked, what matching looks at. */
export const sandboxTrainerSchema = z.object({
  id: z.string().describe("Trainer user id (use with the trainer helpers and POST /jobs/{jobId}/invites)"),
  profileSlug: z.string(),
  profilePath: z.string(),
  displayName: z.string().describe('First name + last initial; "Freelancer" when no usable name exists'),
  firstName: z.string(),
  lastNameInitial: z.string(),
  status: z.string().describe("ACTIVE or UNAVAILABLE"),
  title: z.string().nullable(),
  countryCode: z.string().nullable(),
  country: z.string().nullable(),
  timezone: z.string().nullable(),
  experienceLevel: z.string().describe("ENTRY_LEVEL, INTERMEDIATE or EXPERT"),
  hourlyRateUsd: z.number().nullable(),
  availability: z.string().nullable(),
  hoursPerWeek: z.number().int().nullable(),
  languages: z.array(z.object({ language: z.string(), proficiency: z.string() })),
  dataTypes: z.array(z.string()),
  labelTypes: z.array(z.string()),
  software: z.array(z.string()),
  identityVerified: z.boolean(),
});
export type SandboxTrainer = z.infer<typeof sandboxTrainerSchema>;

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
