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

/** Hosts a sandbox may deliver to over plain http (the receiver runs on the developer's machine). */
export const WEBHOOK_LOOPBACK_HOSTS = ["localhost", "127.0.0.1", "[::1]"] as const;

/**
 * https URL (plain http only for a loopback host, and the server accepts that only in sandbox
 * mode), at most 2048 characters.
 */
export const webhookUrlSchema = z
  .string()
  .trim()
  .max(WEBHOOK_URL_MAX, `The url is longer than ${WEBHOOK_URL_MAX} characters`)
  .refine((v) => {
    try {
      const u = new URL(v);
      if (u.protocol === "https:") return true;
      return u.protocol === "http:" && (WEBHOOK_LOOPBACK_HOSTS as readonly string[]).includes(u.hostname);
    } catch {
      return false;
    }
  }, "Use an absolute https URL (plain http only for localhost, 127.0.0.1 or [::1] in sandbox mode)");

/** Delivery headers (spec 40 §4). */
export const WEBHOOK_HEADERS = {
  event: "X-OpenTrain-Event",
  delivery: "X-OpenTrain-Delivery",
  signature: "X-OpenTrain-Signature",
} as const;
export const WEBHOOK_USER_AGENT = "OpenTrain-Webhooks/1.0";
/** A delivery succeeds on a 2xx answered within this time. */
export const WEBHOOK_TIMEOUT_MS = 10_000;
/** Waits before the 2nd, 3rd, 4th and 5th attempt (spec 40 §6): 5 attempts in all. */
export const WEBHOOK_RETRY_DELAYS_SECONDS = [60, 300, 1800, 7200] as const;
export const WEBHOOK_MAX_ATTEMPTS = WEBHOOK_RETRY_DELAYS_SECONDS.length + 1;
/** Receivers reject a signature whose `t` is further than this from their clock. */
export const WEBHOOK_SIGNATURE_TOLERANCE_SECONDS = 300;
