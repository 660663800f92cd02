import type { TopUp } from "@opentrain-ai/contract";
import { iso } from "../../clock.js";
import type { creditTopUps } from "../../db/schema.js";

export type TopUpRow = typeof creditTopUps.$inferSelect;

/** Top-ups are paid through a checkout link that lapses after 24 hours. */
export const TOP_UP_TTL_MS = 24 * 60 * 60 * 1000;

/** A PENDING top-up past its expiry reads as EXPIRED, whether or not that was written yet. */
export function effectiveStatus(row: TopUpRow, now: Date): TopUp["status"] {
  return row.status === "PENDING" && now.getTime() >= row.expiresAt.getTime() ? "EXPIRED" : row.status;
}

export function toTopUp(row: TopUpRow, now: Date): TopUp {
  return {
    id: row.id,
    status: effectiveStatus(row, now),
    amountCents: row.amountCents,
    createdAt: iso(row.createdAt),
    completedAt: iso(row.completedAt),
    expiresAt: iso(row.expiresAt),
  };
}
