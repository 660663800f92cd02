import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";

/** A failure as the agent sees it: the HTTP status (null when no request was answered) and the envelope. */
export interface ToolFailure {
  status: number | null;
  /** Envelope code (`FORBIDDEN`), OAuth error (`expired_token`) or a local code (`NETWORK_ERROR`). */
  code: string;
  message: string;
  requestId: string | null;
  details?: Record<string, unknown> | undefined;
  /** Lines that explain the failure (e.g. moderation reasons), printed after the error line. */
  explanation?: string[] | undefined;
  /** The next step, one or two sentences. */
  hint: string;
}

/** structuredContent must be a JSON object: arrays become `{ items }`, scalars `{ result }`. */
export function toStructured(data: unknown): Record<string, unknown> {
  if (data === undefined || data === null || data === "") return {};
  if (Array.isArray(data)) return { items: data };
  if (typeof data === "object") return data as Record<string, unknown>;
  return { result: data };
}

/** Success: one text summary plus the API response as structuredContent. */
export function success(text: string, data: unknown): CallToolResult {
  return { content: [{ type: "text", text }], structuredContent: toStructured(data) };
}

/**
 * Failure: text `"<status> <code>: <message>"`, any explanation lines, the details JSON and the next step;
 * structuredContent `{ status, error, code, requestId, details }`.
 */
export function failure(f: ToolFailure): CallToolResult {
  const lines = [`${f.status ?? "error"} ${f.code}: ${f.message}`, ...(f.explanation ?? [])];
  if (f.details && Object.keys(f.details).length > 0) lines.push(`Details: ${JSON.stringify(f.details)}`);
  if (f.requestId) lines.push(`Request id: ${f.requestId}`);
  lines.push(`Next step: ${f.hint}`);
  return {
    isError: true,
    content: [{ type: "text", text: lines.join("\n") }],
    structuredContent: {
      status: f.status,
      error: f.message,
      code: f.code,
      requestId: f.requestId,
      details: f.details ?? null,
    },
  };
}
