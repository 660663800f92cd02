import type { FastifyReply, FastifyRequest } from "fastify";
import Negotiator from "negotiator";
import { PrecompressedJson } from "./precompressed-json.js";
import type { JsonText } from "./request-context.js";

/** True when the request's `Accept-Encoding` accepts gzip (explicitly or through `*`, q > 0). */
export function acceptsGzip(req: FastifyRequest): boolean {
  if (!req.headers["accept-encoding"]) return false;
  return new Negotiator(req).encodings(["gzip"]).length > 0;
}

/** Sends an already serialized body; a precompressed one as gzip when the client accepts it. */
export async function sendJsonText(
  req: FastifyRequest,
  reply: FastifyReply,
  status: number,
  body: JsonText,
): Promise<FastifyReply> {
  reply.status(status).type("application/json; charset=utf-8");
  const json = body.json;
  if (!(json instanceof PrecompressedJson)) return reply.send(json);
  // Edge caches must keep the gzip and identity answers apart, whichever this one is.
  reply.header("vary", "accept-encoding");
  const gzipped = acceptsGzip(req) ? await json.gzip() : null;
  if (!gzipped) return reply.send(json.identity);
  return reply.header("content-encoding", "gzip").send(gzipped);
}
