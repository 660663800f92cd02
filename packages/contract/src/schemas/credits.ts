import { z } from "zod";
import { isoTimestamp, nextCursor } from "./common.js";

export const LEDGER_ENTRY_TYPES = ["TOP_UP", "HOLD", "HOLD_RELEASE", "CAPTURE", "REFUND", "ADJUSTMENT"] as const;
export type LedgerEntryType = (typeof LEDGER_ENTRY_TYPES)[number];

/** Top-up statuses; CANCELED is named by the MCP tool reference only. */
export const TOP_UP_STATUSES = ["PENDING", "COMPLETED", "EXPIRED", "CANCELED"] as const;
export type TopUpStatus = (typeof TOP_UP_STATUSES)[number];

export const TOP_UP_MIN_USD = 10;
export const TOP_UP_MAX_USD = 10_000;

export const ledgerEntrySchema = z.object({
  id: z.string(),
  type: z.enum(LEDGER_ENTRY_TYPES),
  amountCents: z
    .number()
    .int()
    .describe(
      "Signed integer cents: the effect on the available balance; a CAPTURE (paid out of reserved) carries the amount taken from reserved, negative",
    ),
  createdAt: isoTimestamp,
  holdEntryId: z.string().nullable(),
  jobofferId: z.string().nullable().describe("The proposal id (named jobofferId for historical reasons)"),
  contractId: z.string().nullable(),
  milestoneId: z.string().nullable(),
  topUpId: z.string().nullable(),
  note: z.string().nullable(),
});
export type LedgerEntry = z.infer<typeof ledgerEntrySchema>;

export const creditsSchema = z.object({
  availableCents: z.number().int().nonnegative(),
  reservedCents: z.number().int().nonnegative().describe("Escrow holds"),
  currency: z.literal("usd"),
  recentEntries: z.array(ledgerEntrySchema).describe("Last 10 ledger entries, newest first"),
});
export type Credits = z.infer<typeof creditsSchema>;

export const ledgerPageSchema = z.object({
  entries: z.array(ledgerEntrySchema),
  nextCursor,
});

export const topUpSchema = z.object({
  id: z.string(),
  status: z.enum(TOP_UP_STATUSES),
  amountCents: z.number().int().positive(),
  createdAt: isoTimestamp,
  completedAt: isoTimestamp.nullable(),
  expiresAt: isoTimestamp.nullable(),
});
export type TopUp = z.infer<typeof topUpSchema>;

export const topUpCreatedSchema = z.object({
  topUpId: z.string(),
  checkoutUrl: z.string().describe("Checkout page a signed-in human opens and pays"),
  expiresAt: isoTimestamp.nullable(),
  topUp: topUpSchema,
  message: z.string(),
});
