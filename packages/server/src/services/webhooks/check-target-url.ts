import { WEBHOOK_LOOPBACK_HOSTS, WEBHOOK_URL_MAX } from "@opentrain-ai/contract";
import type { Config } from "../../config.js";
import { badRequest } from "../../errors.js";
import { ipLiteralOf, isPublicAddress } from "../../webhooks/target-policy.js";

/**
 * The create-time rules for a delivery URL (the contract already checked the shape): absolute,
 * at most 2048 characters, https — plain http only to a loopback host and only in sandbox mode.
 * Production also refuses an IP literal that is not a public address; names are checked after
 * DNS resolution on every delivery (publicOnlyLookup), since what a name resolves to changes.
 */
export function checkTargetUrl(config: Pick<Config, "mode">, raw: string): string {
  const fail = (message: string, reason: string) => badRequest(message, { field: "url", reason });
  if (raw.length > WEBHOOK_URL_MAX) throw fail(`url is longer than ${WEBHOOK_URL_MAX} characters.`, "url_too_long");
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw fail("url must be an absolute URL such as https://example.com/hooks/opentrain.", "invalid_url");
  }
  const loopback = (WEBHOOK_LOOPBACK_HOSTS as readonly string[]).includes(url.hostname);
  if (url.protocol === "http:") {
    if (!loopback) throw fail("url must use https (plain http is accepted only for localhost).", "https_required");
    if (config.mode !== "sandbox") {
      throw fail("url must use https: plain http to localhost is accepted only in sandbox mode.", "https_required");
    }
  } else if (url.protocol !== "https:") {
    throw fail("url must use https.", "https_required");
  }
  if (config.mode === "production") {
    const ip = ipLiteralOf(url.hostname);
    if (ip && !isPublicAddress(ip)) {
      throw fail(
        `url points at ${ip}, a private, loopback or link-local address; production delivers only to public addresses.`,
        "private_address",
      );
    }
  }
  return raw;
}
