import {
  OPERATIONS,
  toolsetOf,
  TOOLSETS,
  isReadOnly,
  type Operation,
  type ToolMeta,
  type Toolset,
} from "@opentrain-ai/contract";
import type { ToolAnnotations } from "@modelcontextprotocol/sdk/types.js";
import type { z } from "zod";

/** One MCP tool, derived from the operation that carries `tool` metadata. */
export interface ToolDef {
  name: string;
  title: string;
  description: string;
  op: Operation;
  meta: ToolMeta<Record<string, unknown>>;
  toolset: Toolset;
  readOnly: boolean;
  /** The tool's input schema: `tool.params` when set, else the operation input. */
  inputSchema: z.ZodObject;
  annotations: ToolAnnotations;
}

/**
 * Annotations are derived from the operation, never hand-written, and every hint is set
 * explicitly (an omitted readOnlyHint reads as "may write" to clients).
 */
export function deriveAnnotations(op: Operation, meta: ToolMeta): ToolAnnotations {
  return {
    title: meta.title,
    readOnlyHint: isReadOnly(op),
    destructiveHint: op.hints.destructive,
    idempotentHint: op.hints.idempotent,
    openWorldHint: true,
  };
}

/** Every tool of the contract, in registry order. */
export function allTools(operations: readonly Operation[] = OPERATIONS): ToolDef[] {
  const out: ToolDef[] = [];
  for (const op of operations) {
    const meta = op.tool as ToolMeta<Record<string, unknown>> | undefined;
    if (!meta) continue;
    const toolset = toolsetOf(op);
    if (!(TOOLSETS as readonly string[]).includes(toolset)) {
      throw new Error(`Operation ${op.id} has tool ${meta.name} but its toolset "${toolset}" is not in TOOLSETS`);
    }
    out.push({
      name: meta.name,
      title: meta.title,
      description: meta.description,
      op,
      meta,
      toolset: toolset as Toolset,
      readOnly: isReadOnly(op),
      inputSchema: meta.params ?? op.input,
      annotations: deriveAnnotations(op, meta),
    });
  }
  return out;
}

export interface ToolSelection {
  /** Toolset ids to expose; undefined or "all" exposes every toolset. */
  toolsets?: readonly Toolset[] | "all";
  /** Only tools whose operation is a GET. */
  readOnly?: boolean;
}

/** Filters in a fixed order: read-only first, then toolset membership. */
export function selectTools(selection: ToolSelection = {}, tools: readonly ToolDef[] = allTools()): ToolDef[] {
  const sets = selection.toolsets === undefined || selection.toolsets === "all" ? null : new Set(selection.toolsets);
  return tools.filter((t) => (!selection.readOnly || t.readOnly) && (!sets || sets.has(t.toolset)));
}

/** Thrown for a bad `--toolsets` value; the bin prints it and exits 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

/** Parses a comma list of toolset ids (or `all`); unknown ids are a UsageError naming the valid ones. */
export function parseToolsets(value: string): Toolset[] | "all" {
  const ids = value
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
  if (ids.length === 0) throw new UsageError(`--toolsets needs at least one id; valid: all, ${TOOLSETS.join(", ")}`);
  if (ids.includes("all")) return "all";
  const unknown = ids.filter((id) => !(TOOLSETS as readonly string[]).includes(id));
  if (unknown.length > 0) {
    throw new UsageError(
      `Unknown toolset${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}. Valid toolsets: all, ${TOOLSETS.join(", ")}`,
    );
  }
  return [...new Set(ids)] as Toolset[];
}
