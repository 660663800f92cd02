import type { Operation } from "@opentrain-ai/contract";
import type { FastifyRequest } from "fastify";
import type { z } from "zod";
import type { Principal, ServiceContext } from "../services/context.js";
import type { SandboxRuntime } from "../sandbox/runtime.js";
import type { MaybePromise } from "../maybe-promise.js";
import type { PrecompressedJson } from "./precompressed-json.js";

/** What a handler receives besides its validated input. */
export interface RequestContext extends ServiceContext {
  /** The authenticated token's principal; null on tokenless routes. */
  principal: Principal | null;
  req: FastifyRequest;
  sandbox: SandboxRuntime | null;
}

/** A handler result whose status differs from the operation's usual success status. */
export class StatusResult<T> {
  constructor(
    readonly status: number,
    readonly body: T,
  ) {}
}

/**
 * A success body already serialized, sent as it is; a `PrecompressedJson` (a cached answer) goes
 * gzipped to clients that accept gzip, and its answers vary by `Accept-Encoding`.
 */
export class JsonText {
  constructor(readonly json: string | Buffer | PrecompressedJson) {}
}

/** An operation's handler; one that can answer from memory answers synchronously (no promise). */
export type Handler<O extends Operation> = (
  ctx: RequestContext,
  input: z.infer<O["input"]>,
) => MaybePromise<z.infer<O["output"]> | StatusResult<z.infer<O["output"]>> | JsonText>;

/** The principal of a bearer route (the gate guarantees one). */
export function principalOf(ctx: RequestContext): Principal {
  if (!ctx.principal) throw new Error("bearer operation reached its handler without a principal");
  return ctx.principal;
}
