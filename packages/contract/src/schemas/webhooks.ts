import { z } from "zod";
import { isoTimestamp } from "./common.js";
import { EVENT_TYPES } from "./events.js";

export const WEBHOOK_STATUSES = ["ACTIVE", "DISABLED"] as const;
export const WEBHOOK_URL_MAX = 2048;
export const WEBHOOKS_PER_ACCOUNT = 10;

/** Webhook subscription; the signing secret never appears here. */
export const webhookSchema = z.object({
  id: z.string(),
  url: z.string(),
  eventTypes: z.array(z.enum(EVENT_TYPES)),
  status: z.enum(WEBHOOK_STATUSES),
  createdAt: isoTimestamp,
  disabledAt: isoTimestamp.nullable(),
  disabledReason: z.string().nullable(),
});
export type Webhook = z.infer<typeof webhookSchema>;

/** https URL (plain http only for localhost), at most 2048 characters. */
export const webhookUrlSchema = z
  .string()
  .trim()
  .max(WEBHOOK_URL_MAX)
  .refine((v) => {
    try {
      const u = new URL(v);
      if (u.protocol === "https:") return true;
      return u.protocol === "http:" && u.hostname === "localhost";
    } catch {
      return false;
    }
  }, "Use an absolute https URL (plain http only for localhost)");
