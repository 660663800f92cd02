import type { Operation } from "@opentrain-ai/contract";
import type { FastifyRequest } from "fastify";
import type { z } from "zod";
import { ApiError } from "../errors.js";

function describePath(path: readonly PropertyKey[]): string {
  return path.length === 0 ? "body" : path.map(String).join(".");
}

/**
 * Path of the first string (value or key) holding a NUL character, or null. PostgreSQL text
 * cannot store U+0000, so such input is refused here rather than failing in the database.
 */
export function findNul(value: unknown, path: string[] = [], depth = 0): string[] | null {
  if (typeof value === "string") return value.includes("\u0000") ? path : null;
  if (value === null || typeof value !== "object" || depth > 20) return null;
  // Runs on every request's input: no per-key allocation unless a NUL is found or a value nests.
  const record = value as Record<string, unknown>;
  for (const k of Object.keys(record)) {
    const v = record[k];
    if (k.includes("\u0000") || (typeof v === "string" && v.includes("\u0000"))) return [...path, k];
    if (v !== null && typeof v === "object") {
      const found = findNul(v, [...path, k], depth + 1);
      if (found) return found;
    }
  }
  return null;
}

/** Merges query, body and path parameters and validates them with the operation's schema. */
export function validateInput<O extends Operation>(op: O, req: FastifyRequest): z.infer<O["input"]> {
  const body = req.body;
  if (body !== undefined && body !== null && (typeof body !== "object" || Array.isArray(body))) {
    throw new ApiError("BAD_REQUEST", "The request body must be a JSON object.", { reason: "invalid_body" });
  }
  const raw = {
    ...(op.encoding === "query" ? (req.query as object) : {}),
    ...((body as object | undefined) ?? {}),
    ...(req.params as object),
  };
  const nul = findNul(raw);
  if (nul) {
    throw new ApiError("BAD_REQUEST", `Invalid ${describePath(nul)}: text may not contain NUL (\\u0000) characters.`, {
      field: describePath(nul),
      reason: "invalid_characters",
    });
  }
  const parsed = op.input.safeParse(raw);
  if (parsed.success) return parsed.data as z.infer<O["input"]>;
  const issues = parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message, code: i.code }));
  const first = parsed.error.issues[0]!;
  const unknown = parsed.error.issues.flatMap((i) => (i.code === "unrecognized_keys" ? i.keys : []));
  if (unknown.length > 0) {
    // A key the operation does not take: name it, and list the keys it does take.
    const params = (req.params ?? {}) as Record<string, unknown>;
    const supported = Object.keys(op.input.shape as object).filter((k) => !(k in params));
    throw new ApiError(
      "BAD_REQUEST",
      `Unknown field${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}. Supported: ${supported.join(", ")}.`,
      { reason: "unknown_update_keys", field: unknown[0], unknownKeys: unknown, supportedKeys: supported, issues },
    );
  }
  const details: Record<string, unknown> = { field: describePath(first.path), issues };
  // An unknown status filter lists the supported ones (spec 20 §2.7).
  if (first.code === "invalid_value" && first.path.length === 1 && first.path[0] === "status") {
    details.supportedStatuses = first.values;
  }
  throw new ApiError("BAD_REQUEST", `Invalid ${describePath(first.path)}: ${first.message}`, details);
}
