import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { ApiError } from "../errors.js";
import { html } from "./html.js";
import { messagePage } from "./layout.js";
import { CsrfError, maybeWebState } from "./state.js";

const TITLES: Record<number, string> = {
  400: "Please check and try again",
  401: "Please sign in",
  403: "Not allowed",
  404: "Not found",
  409: "This cannot be done now",
  410: "This link is no longer valid",
  429: "Too many requests",
  503: "Temporarily unavailable",
};

/** Error hook of the web pages: an ApiError becomes a page with its message and status; anything else a logged 500. */
export function webErrorHandler(err: FastifyError | Error, req: FastifyRequest, reply: FastifyReply) {
  const state = maybeWebState(req);
  const home = html`<div class="actions"><a href="/">Go to the home page</a></div>`;
  if (err instanceof CsrfError) {
    return messagePage(reply, state, 403, "Request refused", err.message, home);
  }
  if (err instanceof ApiError) {
    if (err.headers) reply.headers(err.headers);
    return messagePage(reply, state, err.status, TITLES[err.status] ?? "Something is not right", err.message, home);
  }
  const status = (err as FastifyError).statusCode;
  if (typeof status === "number" && status >= 400 && status < 500) {
    return messagePage(
      reply,
      state,
      status,
      TITLES[status] ?? "Bad request",
      "The request could not be understood. Go back and try again.",
      home,
    );
  }
  req.log.error({ err }, "web page failed");
  return messagePage(
    reply,
    state,
    500,
    "Something went wrong",
    `Something went wrong on our side. Please try again; if it keeps happening, quote request id ${req.id}.`,
    home,
  );
}

/** Our 404 page, for unknown ids and pages that are switched off. */
export function notFoundPage(req: FastifyRequest, reply: FastifyReply, message = "There is no page at this address.") {
  return messagePage(
    reply,
    maybeWebState(req),
    404,
    "Not found",
    message,
    html`<div class="actions"><a href="/">Go to the home page</a></div>`,
  );
}
