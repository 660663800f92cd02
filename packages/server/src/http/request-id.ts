import { randomBytes } from "node:crypto";
import type { IncomingMessage } from "node:http";

const SAFE_ID = /^[A-Za-z0-9_.:-]{1,128}$/;

/** Honours a well-formed incoming X-Request-Id (for tracing through proxies), else mints one. */
export function genRequestId(req: IncomingMessage): string {
  const incoming = req.headers["x-request-id"];
  if (typeof incoming === "string" && SAFE_ID.test(incoming)) return incoming;
  return `req_${randomBytes(12).toString("hex")}`;
}
