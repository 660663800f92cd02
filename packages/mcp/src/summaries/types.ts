import type { ToolContext } from "../context.js";
import type { ToolDef } from "../inventory.js";

/** What a summary may look at besides the response body. */
export interface SummaryInfo {
  tool: ToolDef;
  params: Record<string, unknown>;
  ctx: ToolContext;
  /** HTTP status of the answer (202 for co-sign requests). */
  status: number;
}

/** Turns an API response into the one text block the agent reads first. */
export type Summarizer = (data: unknown, info: SummaryInfo) => string;

/** Narrow helper for reading JSON without `any`. */
export type Json = Record<string, unknown>;

export function obj(v: unknown): Json | undefined {
  return v && typeof v === "object" && !Array.isArray(v) ? (v as Json) : undefined;
}

export function str(v: unknown): string | undefined {
  return typeof v === "string" && v !== "" ? v : undefined;
}

export function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

export function plural(n: number, word: string, pluralWord = `${word}s`): string {
  return `${n} ${n === 1 ? word : pluralWord}`;
}
