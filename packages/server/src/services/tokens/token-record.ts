import type { TokenRecord } from "@opentrain-ai/contract";
import { iso } from "../../clock.js";
import type { apiTokens } from "../../db/schema.js";

type Row = typeof apiTokens.$inferSelect;

export function tokenStatus(row: Pick<Row, "revokedAt" | "expiresAt">, now: Date): TokenRecord["status"] {
  if (row.revokedAt) return "revoked";
  if (row.expiresAt && row.expiresAt.getTime() <= now.getTime()) return "expired";
  return "active";
}

/** The public shape of a token row; never includes the secret or its hash. */
export function toTokenRecord(row: Row, now: Date): TokenRecord {
  return {
    id: row.id,
    name: row.name,
    preview: row.preview,
    scopes: row.scopes as TokenRecord["scopes"],
    status: tokenStatus(row, now),
    organizationId: row.accountId,
    createdAt: iso(row.createdAt),
    lastUsedAt: iso(row.lastUsedAt),
    expiresAt: iso(row.expiresAt),
    revokedAt: iso(row.revokedAt),
  };
}
