import type { FastifyReply, FastifyRequest } from "fastify";
import type { AppDeps } from "../app.js";
import { ApiError } from "../errors.js";
import { requestContextOf } from "../http/request-context-of.js";
import type { ServiceContext } from "../services/context.js";
import { getSessionUser } from "../services/sessions/login-links.js";
import type { UserRow } from "../services/users/find-user-by-email.js";
import {
  clearSessionCookie,
  CSRF_COOKIE,
  CSRF_FIELD,
  csrfFieldToken,
  csrfTokenMatches,
  newCsrfSecret,
  SESSION_COOKIE,
  setCsrfCookie,
} from "./security.js";

/** What every page handler knows about its request. */
export interface WebState {
  ctx: ServiceContext;
  mode: AppDeps["config"]["mode"];
  /** The signed-in human, or null. */
  user: UserRow | null;
  /** The session secret behind `user` (null when signed out). */
  sessionSecret: string | null;
  /** The CSRF cookie value in force for this response. */
  csrfSecret: string;
  /** The hidden-field token forms on this page must carry. */
  csrf: string;
}

const states = new WeakMap<FastifyRequest, WebState>();

/** Raised when a POST does not carry the CSRF token of its cookie; rendered as a 403 page. */
export class CsrfError extends ApiError {
  constructor() {
    super(
      "FORBIDDEN",
      "This form has expired or did not come from this site. Go back, reload the page and try again.",
      { reason: "csrf" },
    );
  }
}

function cookieOf(req: FastifyRequest, name: string): string | null {
  const v = req.cookies[name];
  return typeof v === "string" && v.length > 0 ? v : null;
}

/**
 * Loads the session and CSRF state of a web request (a preHandler). Every POST must carry the
 * token bound to its CSRF cookie and session, or it is refused before any handler runs.
 */
export async function loadWebState(deps: AppDeps, req: FastifyRequest, reply: FastifyReply): Promise<WebState> {
  const ctx = requestContextOf(deps, req);
  let user: UserRow | null = null;
  let sessionSecret: string | null = null;
  const sessionCookie = cookieOf(req, SESSION_COOKIE);
  if (sessionCookie) {
    user = await getSessionUser(ctx, sessionCookie);
    if (user) sessionSecret = sessionCookie;
    else clearSessionCookie(reply, deps.config);
  }
  let csrfSecret: string | null = null;
  const csrfCookie = cookieOf(req, CSRF_COOKIE);
  if (csrfCookie) {
    const unsigned = req.unsignCookie(csrfCookie);
    if (unsigned.valid && unsigned.value) csrfSecret = unsigned.value;
  }
  const fromRequest = csrfSecret !== null;
  const state: WebState = {
    ctx,
    mode: deps.config.mode,
    user,
    sessionSecret,
    csrfSecret: csrfSecret ?? newCsrfSecret(),
    csrf: "",
  };
  state.csrf = csrfFieldToken(deps.config, state.csrfSecret, sessionSecret);
  states.set(req, state);
  if (!fromRequest) setCsrfCookie(reply, deps.config, state.csrfSecret);
  if (req.method === "POST") {
    const body = req.body as Record<string, unknown> | undefined;
    const submitted = body && typeof body === "object" ? body[CSRF_FIELD] : undefined;
    if (!fromRequest || !csrfTokenMatches(state.csrf, submitted)) throw new CsrfError();
  }
  return state;
}

/** The state loaded for this request (handlers run after the preHandler that loads it). */
export function webState(req: FastifyRequest): WebState {
  const state = states.get(req);
  if (!state) throw new Error("web state not loaded for this request");
  return state;
}

/** The state, when it was loaded before an error happened. */
export function maybeWebState(req: FastifyRequest): WebState | null {
  return states.get(req) ?? null;
}

/** Starts a new CSRF secret for this response (after sign-in and sign-out). */
export function rotateCsrf(state: WebState, reply: FastifyReply): void {
  state.csrfSecret = newCsrfSecret();
  state.csrf = csrfFieldToken(state.ctx.config, state.csrfSecret, state.sessionSecret);
  setCsrfCookie(reply, state.ctx.config, state.csrfSecret);
}

/** A single form value (the first when repeated), or "". */
export function field(source: unknown, name: string): string {
  if (!source || typeof source !== "object") return "";
  const v = (source as Record<string, unknown>)[name];
  const first = Array.isArray(v) ? v[0] : v;
  return typeof first === "string" ? first : "";
}

/** Every value of a repeated form field (checkbox groups). */
export function fieldList(source: unknown, name: string): string[] {
  if (!source || typeof source !== "object") return [];
  const v = (source as Record<string, unknown>)[name];
  const list = Array.isArray(v) ? v : v === undefined ? [] : [v];
  return list.filter((x): x is string => typeof x === "string");
}
