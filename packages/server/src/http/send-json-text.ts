import type { FastifyReply, FastifyRequest } from "fastify";
import Negotiator from "negotiator";
import { andThen, type MaybePromise } from "../maybe-promise.js";
import { PrecompressedJson } from "./precompressed-json.js";
import type { JsonText } from "./request-context.js";

/**
 * Decisions per distinct `Accept-Encoding` value: clients send a handful of them, over and over,
 * and parsing one costs more than the rest of a cached answer's request. Cleared when full, so
 * odd values cannot grow it.
 */
const gzipDecisions = new Map<string, boolean>();
const MAX_DECISIONS = 256;

/** True when the request's `Accept-Encoding` accepts gzip (explicitly or through `*`, q > 0). */
export function acceptsGzip(req: FastifyRequest): boolean {
  const header = req.headers["accept-encoding"];
  if (!header) return false;
  let accepts = gzipDecisions.get(header);
  if (accepts === undefined) {
    accepts = new Negotiator({ headers: { "accept-encoding": header } }).encodings(["gzip"]).length > 0;
    if (gzipDecisions.size >= MAX_DECISIONS) gzipDecisions.clear();
    gzipDecisions.set(header, accepts);
  }
  return accepts;
}

/**
 * Sends an already serialized body; a precompressed one as gzip when the client accepts it.
 * Synchronous unless the gzip copy is still being made.
 */
export function sendJsonText(
  req: FastifyRequest,
  reply: FastifyReply,
  status: number,
  body: JsonText,
): MaybePromise<FastifyReply> {
  reply.status(status).type("application/json; charset=utf-8");
  const json = body.json;
  if (!(json instanceof PrecompressedJson)) return reply.send(json);
  // Edge caches must keep the gzip and identity answers apart, whichever this one is.
  reply.header("vary", "accept-encoding");
  if (!acceptsGzip(req)) return reply.send(json.identity);
  return andThen(json.gzip(), (gzipped) => sendEncoded(reply, json, gzipped));
}

function sendEncoded(reply: FastifyReply, json: PrecompressedJson, gzipped: Buffer | null): FastifyReply {
  if (!gzipped) return reply.send(json.identity);
  return reply.header("content-encoding", "gzip").send(gzipped);
}
