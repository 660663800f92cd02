import type { z } from "zod";
import type { ErrorCode, OAuthErrorCode } from "./errors.js";
import type { FeatureFlag } from "./flags.js";
import { RESOURCES, type ResourceId, type Toolset } from "./resources.js";
import type { Scope } from "./scopes.js";

export type HttpMethod = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

/** Which API a route belongs to; each has its own base path and error shape. */
export type ApiSurface = "public" | "agent" | "sandbox";

export const API_BASE_PATHS: Record<ApiSurface, string> = {
  public: "/api/public/v1",
  agent: "/api/agent",
  sandbox: "/api/sandbox/v1",
};

/** How an MCP tool presents an operation (seed names and parameters are authoritative). */
export interface ToolMeta<I = unknown> {
  name: `opentrain_${string}`;
  title: string;
  description: string;
  /** Toolset when the seed groups the tool apart from its resource's default. */
  toolset?: Toolset;
  /** Tool parameters when they differ from the operation input (camelCase seed names). */
  params?: z.ZodObject;
  /** Maps tool parameters to the operation input; required when `params` is set. */
  toInput?: (params: Record<string, unknown>) => I;
}

/** How the CLI presents an operation. Flags default to the kebab-case input field names. */
export interface CliMeta {
  /** Command path after `opentrain`, e.g. `["tokens", "revoke"]`. */
  command: string[];
  /** Input fields that may also be given as positional arguments, in order. */
  positional?: string[];
  /** Extra accepted flag names per input field (`{ agentName: ["name"] }`). */
  aliases?: Record<string, string[]>;
  /** One-line summary shown in help; defaults to the operation summary. */
  summary?: string;
}

export interface Operation<I extends z.ZodObject = z.ZodObject, O extends z.ZodType = z.ZodType> {
  /** `<resource>.<verb>`, unique. */
  id: string;
  resource: ResourceId;
  summary: string;
  description: string;
  method: HttpMethod;
  api: ApiSurface;
  /** Path relative to the API base, with `{param}` placeholders. */
  path: string;
  /** `bearer`: an `ot_pat_` token; `none`: tokenless; `sandbox`: the sandbox secret. */
  auth: "bearer" | "none" | "sandbox";
  /** Scope the token must hold; null when any valid token will do. */
  scope: Scope | null;
  /** When set, the token must hold at least one of these (GET /updates). */
  anyScope?: readonly Scope[];
  /** Feature flag that must be on for the account. */
  feature: FeatureFlag | null;
  /** When set, the account must be claimed; the value is the human phrase for `details.action`. */
  claim: string | null;
  /** How non-path input travels: query string, JSON body or a form body. */
  encoding: "query" | "json" | "form";
  /** Flat object: path params, query params and body fields together. */
  input: I;
  output: O;
  successStatus: 200 | 201 | 202 | 204;
  /** Codes this operation can answer with, beyond the gates' own. */
  errors: readonly (ErrorCode | OAuthErrorCode)[];
  /** Destructive: removes or irreversibly changes something. Idempotent: repeating is harmless. */
  hints: { destructive: boolean; idempotent: boolean };
  tool?: ToolMeta<z.infer<I>>;
  cli?: CliMeta;
}

export type InputOf<T> = T extends Operation<infer I, z.ZodType> ? z.infer<I> : never;
export type OutputOf<T> = T extends Operation<z.ZodObject, infer O> ? z.infer<O> : never;

type Defaults = "description" | "errors" | "hints" | "encoding" | "successStatus" | "feature" | "claim";

/** Declares an operation, filling in the defaults every surface relies on. */
export function defineOperation<I extends z.ZodObject, O extends z.ZodType>(
  op: Omit<Operation<I, O>, Defaults> & Partial<Pick<Operation<I, O>, Defaults>>,
): Operation<I, O> {
  return {
    description: op.summary,
    errors: [],
    hints: { destructive: false, idempotent: op.method === "GET" || op.method === "PUT" || op.method === "DELETE" },
    encoding: op.method === "GET" || op.method === "DELETE" ? "query" : "json",
    successStatus: op.method === "POST" ? 200 : 200,
    feature: null,
    claim: null,
    ...op,
  };
}

/** Names of the `{param}` placeholders of a path, in order. */
export function pathParams(path: string): string[] {
  return [...path.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1] as string);
}

/** True when the operation changes nothing. */
export function isReadOnly(op: Operation): boolean {
  return op.method === "GET";
}

/** Absolute request path for an operation with its path parameters filled in. */
export function buildPath(op: Operation, input: Record<string, unknown>): string {
  return (
    API_BASE_PATHS[op.api] +
    op.path.replace(/\{([A-Za-z0-9_]+)\}/g, (_, name: string) => {
      const value = input[name];
      if (value === undefined || value === null || value === "") {
        throw new Error(`Missing path parameter "${name}" for ${op.id}`);
      }
      return encodeURIComponent(String(value));
    })
  );
}

/** The MCP toolset of an operation's tool. */
export function toolsetOf(op: Operation): Toolset {
  return op.tool?.toolset ?? (RESOURCES[op.resource].toolset as Toolset);
}
