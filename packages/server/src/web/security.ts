import { createHmac, randomBytes } from "node:crypto";
import type { FastifyReply } from "fastify";
import type { Config } from "../config.js";
import { constantTimeEquals } from "../ids.js";
import { safeNextPath } from "../services/sessions/login-links.js";

/** Session cookie: the `ot_ses_` secret itself (the database stores only its hash). */
export const SESSION_COOKIE = "ot_session";
/** CSRF cookie: a random value, signed with the cookie secret. */
export const CSRF_COOKIE = "ot_csrf";
/** Hidden form field carrying the CSRF token. */
export const CSRF_FIELD = "_csrf";

/**
 * No script at all, styles only from our own stylesheet, no framing, forms post only to us.
 * The pages work without JavaScript.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'none'",
  "style-src 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join("; ");

/** Headers sent with every page, redirect and asset of the web surface. */
export function applySecurityHeaders(reply: FastifyReply): void {
  reply.header("content-security-policy", CONTENT_SECURITY_POLICY);
  reply.header("x-frame-options", "DENY");
  reply.header("x-content-type-options", "nosniff");
  // Page URLs carry secrets (claim, sign-in and invitation links): never leak them onward.
  reply.header("referrer-policy", "no-referrer");
  reply.header("cross-origin-opener-policy", "same-origin");
  if (!reply.hasHeader("cache-control")) reply.header("cache-control", "no-store");
}

function secureCookies(config: Config): boolean {
  return config.publicUrl.startsWith("https:");
}

export function setSessionCookie(reply: FastifyReply, config: Config, sessionSecret: string, maxAgeMs: number): void {
  reply.setCookie(SESSION_COOKIE, sessionSecret, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: secureCookies(config),
    maxAge: Math.floor(maxAgeMs / 1000),
  });
}

export function clearSessionCookie(reply: FastifyReply, config: Config): void {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: "lax", path: "/", secure: secureCookies(config) });
}

/** A fresh random CSRF cookie value (the cookie itself is signed by @fastify/cookie). */
export function newCsrfSecret(): string {
  return randomBytes(32).toString("base64url");
}

export function setCsrfCookie(reply: FastifyReply, config: Config, csrfSecret: string): void {
  reply.setCookie(CSRF_COOKIE, csrfSecret, {
    httpOnly: true,
    sameSite: "strict",
    path: "/",
    secure: secureCookies(config),
    signed: true,
  });
}

/**
 * The hidden-field token for a CSRF cookie value: an HMAC of the cookie value and the current
 * session, so a token is only good with the cookie it was issued for and in the session it was
 * rendered in (a cookie planted from elsewhere, with a token its planter knows, does not verify
 * once the victim is signed in).
 */
export function csrfFieldToken(config: Config, csrfSecret: string, sessionSecret: string | null): string {
  return createHmac("sha256", config.cookieSecret)
    .update(`csrf\n${csrfSecret}\n${sessionSecret ?? ""}`)
    .digest("base64url");
}

export function csrfTokenMatches(expected: string, submitted: unknown): boolean {
  return typeof submitted === "string" && submitted.length > 0 && constantTimeEquals(submitted, expected);
}

/**
 * Where to go after sign-in or sign-out: a path on this site only. Stricter than the service's
 * check: the path is resolved the way a browser would (which drops tabs and newlines, so
 * `/\t/evil.example` would become `//evil.example`) and must stay on our origin.
 */
export function safeNext(next: unknown, _config?: Config): string {
  return safeNextPath(next);
}
