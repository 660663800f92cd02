import { randomBytes } from "node:crypto";
import type { IncomingMessage } from "node:http";

const SAFE_ID = /^[A-Za-z0-9_.:-]{1,128}$/;

/**
 * Unique across processes by a random per-process prefix, within one by a counter: request ids
 * are for tracing, not secrets, and random bytes per request cost a system call each.
 */
const PROCESS_PREFIX = `req_${randomBytes(6).toString("hex")}`;
let sequence = 0;

/** Honours a well-formed incoming X-Request-Id (for tracing through proxies), else mints one. */
export function genRequestId(req: IncomingMessage): string {
  const incoming = req.headers["x-request-id"];
  if (typeof incoming === "string" && SAFE_ID.test(incoming)) return incoming;
  sequence += 1;
  return `${PROCESS_PREFIX}${sequence.toString(36).padStart(6, "0")}`;
}
