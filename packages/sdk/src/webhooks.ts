import { createHmac, timingSafeEqual } from "node:crypto";
import { WEBHOOK_SIGNATURE_TOLERANCE_SECONDS, type PlatformEvent } from "@opentrain-ai/contract";

/** Why a delivery did not verify. Answer 400 and log it; never process the body. */
export type WebhookSignatureFailure =
  "missing_header" | "malformed_header" | "timestamp_outside_tolerance" | "no_matching_signature" | "invalid_payload";

export class WebhookSignatureError extends Error {
  override readonly name = "WebhookSignatureError";
  constructor(
    readonly reason: WebhookSignatureFailure,
    message: string,
  ) {
    super(message);
  }
}

export interface VerifyWebhookOptions {
  /** Largest accepted |now − t| in seconds (default 300). */
  toleranceSeconds?: number;
  /** Current time in milliseconds (default Date.now); tests pass a fixed clock. */
  now?: () => number;
}

type RawBody = string | Uint8Array;

function bytesOf(body: RawBody): Buffer {
  if (typeof body === "string") return Buffer.from(body, "utf8");
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  throw new WebhookSignatureError(
    "invalid_payload",
    "Pass the raw request body (string or Buffer) exactly as received, not a parsed object: re-serialised JSON does not match the signature.",
  );
}

function hmacHex(secret: string, t: string, body: Buffer): string {
  return createHmac("sha256", secret).update(`${t}.`).update(body).digest("hex");
}

/**
 * The `X-OpenTrain-Signature` value for `body` (what the platform sends): `t=<unix>,v1=<hex>`,
 * HMAC-SHA256 of `<t>.<body>` keyed with the whole whsec_ secret. For your own test senders.
 */
export function signWebhookPayload(
  body: RawBody,
  secret: string,
  timestampSeconds = Math.floor(Date.now() / 1000),
): string {
  const t = String(Math.floor(timestampSeconds));
  return `t=${t},v1=${hmacHex(secret, t, bytesOf(body))}`;
}

function parseHeader(header: string): { t: string; v1: string[] } {
  let t: string | undefined;
  const v1: string[] = [];
  for (const part of header.split(",")) {
    const eq = part.indexOf("=");
    if (eq <= 0) continue;
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === "t") t = value;
    else if (key === "v1") v1.push(value);
  }
  if (!t || !/^\d{1,12}$/.test(t) || v1.length === 0) {
    throw new WebhookSignatureError(
      "malformed_header",
      "X-OpenTrain-Signature must look like t=<unix seconds>,v1=<hex>.",
    );
  }
  return { t, v1 };
}

/**
 * Checks a delivery and returns the event it carries; throws WebhookSignatureError otherwise.
 * `rawBody` must be the request body exactly as received (configure your framework to keep
 * it, e.g. `express.raw({ type: "application/json" })`); `signatureHeader` is the
 * X-OpenTrain-Signature header. Accepts the delivery when any `v1` matches (constant-time
 * comparison) and `t` is within `toleranceSeconds` (300) of now. Dedupe on X-OpenTrain-Delivery:
 * a delivery may arrive more than once.
 */
export function verifyWebhook(
  rawBody: RawBody,
  signatureHeader: string | string[] | null | undefined,
  secret: string,
  opts: VerifyWebhookOptions = {},
): PlatformEvent {
  const body = bytesOf(rawBody);
  const header = Array.isArray(signatureHeader) ? signatureHeader[0] : signatureHeader;
  if (!header) throw new WebhookSignatureError("missing_header", "The X-OpenTrain-Signature header is missing.");
  const { t, v1 } = parseHeader(header);
  const tolerance = opts.toleranceSeconds ?? WEBHOOK_SIGNATURE_TOLERANCE_SECONDS;
  const nowSeconds = (opts.now ?? Date.now)() / 1000;
  if (Math.abs(nowSeconds - Number(t)) > tolerance) {
    throw new WebhookSignatureError(
      "timestamp_outside_tolerance",
      `The signature timestamp is more than ${tolerance} s away from this machine's clock (replayed or delayed delivery, or a wrong clock).`,
    );
  }
  const expected = Buffer.from(hmacHex(secret, t, body), "hex");
  const matches = v1.some((candidate) => {
    if (!/^[0-9a-fA-F]{64}$/.test(candidate)) return false;
    return timingSafeEqual(expected, Buffer.from(candidate, "hex"));
  });
  if (!matches) {
    throw new WebhookSignatureError(
      "no_matching_signature",
      "No v1 signature matches: check the secret (the whole whsec_ value) and that the body is the raw bytes received.",
    );
  }
  try {
    return JSON.parse(body.toString("utf8")) as PlatformEvent;
  } catch {
    throw new WebhookSignatureError("invalid_payload", "The signed body is not JSON.");
  }
}

/** Like verifyWebhook, as a boolean. */
export function isValidWebhookSignature(
  rawBody: RawBody,
  signatureHeader: string | string[] | null | undefined,
  secret: string,
  opts: VerifyWebhookOptions = {},
): boolean {
  try {
    verifyWebhook(rawBody, signatureHeader, secret, opts);
    return true;
  } catch (err) {
    if (err instanceof WebhookSignatureError) return false;
    throw err;
  }
}
