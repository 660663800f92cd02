import { z } from "zod";
import { SCOPES } from "../scopes.js";
import { isoTimestamp } from "./common.js";

export const tokenStatusSchema = z.enum(["active", "revoked", "expired"]);

/** Token metadata (never the secret). */
export const tokenRecordSchema = z.object({
  id: z.string(),
  name: z.string(),
  preview: z.string().describe("Masked secret, e.g. ot_pat_8f2a********91cd"),
  scopes: z.array(z.enum(SCOPES)),
  status: tokenStatusSchema,
  organizationId: z.string().nullable(),
  createdAt: isoTimestamp,
  lastUsedAt: isoTimestamp.nullable(),
  expiresAt: isoTimestamp.nullable(),
  revokedAt: isoTimestamp.nullable(),
});
export type TokenRecord = z.infer<typeof tokenRecordSchema>;
