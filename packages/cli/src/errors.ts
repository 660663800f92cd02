import { EXIT_CODES, exitCodeFor, type ExitCode } from "@opentrain-ai/contract";
import type { IO } from "./io.js";

/** A mistake in how the command was called: printed as `Usage error: …`, exit 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

/**
 * A failure found by the CLI itself (no server answer), printed as `Error (<label>): <message>`
 * with a fixed exit code, e.g. the missing-token error `Error (401 UNAUTHORIZED): …`.
 */
export class CliError extends Error {
  override readonly name = "CliError";
  constructor(
    readonly label: string,
    message: string,
    readonly exitCode: ExitCode,
    /** Extra lines printed after the error line (next steps). */
    readonly hints: string[] = [],
  ) {
    super(message);
  }
}

/** The command finished with a non-zero exit code and has already said why. */
export class ExitSignal extends Error {
  override readonly name = "ExitSignal";
  constructor(readonly exitCode: number) {
    super(`exit ${exitCode}`);
  }
}

/** The error every token-needing command gives when no token is configured (no server call). */
export function noTokenError(): CliError {
  return new CliError(
    "401 UNAUTHORIZED",
    'No API token configured. Run "opentrain auth register" or "opentrain auth login --api-key <token>"',
    EXIT_CODES.UNAUTHORIZED,
  );
}

/** Shape shared by the SDK's ApiError, checked structurally so this module stays SDK-free. */
interface ApiErrorLike {
  name: "ApiError";
  status: number;
  code: string;
  message: string;
  details?: Record<string, unknown>;
  requestId?: string | null;
}

interface NetworkErrorLike {
  name: "NetworkError";
  code: string;
  message: string;
}

function isNamed<T>(err: unknown, name: string): err is T {
  return err instanceof Error && err.name === name;
}

/** Next-step hints for API errors whose fix is known. */
function hintsFor(err: ApiErrorLike): string[] {
  const reason = typeof err.details?.reason === "string" ? err.details.reason : undefined;
  switch (err.code) {
    case "UNAUTHORIZED":
      return [
        'Hint: the token is missing, revoked or expired. Run "opentrain auth login --api-key <token>" or "opentrain auth register".',
      ];
    case "expired_token":
      return ['Hint: the 24 h claim window closed. Register a new account with "opentrain auth register --force".'];
    case "invalid_grant":
      return [
        "Hint: the claim token is unknown or its post-claim token was already delivered once; a human can mint a new token in the OpenTrain app (Settings → API keys).",
      ];
    default:
      break;
  }
  if (reason === "account_claim_required") {
    return ['Hint: a human must claim this account first: run "opentrain auth claim --email <address>".'];
  }
  return [];
}

/** Formats an API error: `Error (<status> <code>): <message>` then `Details: <json>`. */
export function formatApiError(err: ApiErrorLike): string[] {
  const lines = [`Error (${err.status} ${err.code}): ${err.message}`];
  if (err.details && Object.keys(err.details).length > 0) lines.push(`Details: ${JSON.stringify(err.details)}`);
  return [...lines, ...hintsFor(err)];
}

/**
 * Prints any error on stderr (never stdout, also with --json) and returns the exit code.
 * `usageHint` is the "run --help" line shown after usage errors.
 */
export function reportError(io: IO, err: unknown, usageHint?: string): number {
  if (err instanceof ExitSignal) return err.exitCode;
  if (err instanceof UsageError) {
    io.eprintln(`Usage error: ${err.message}`);
    if (usageHint) io.eprintln(usageHint);
    return EXIT_CODES.USAGE;
  }
  if (err instanceof CliError) {
    io.eprintln(`Error (${err.label}): ${err.message}`);
    for (const h of err.hints) io.eprintln(h);
    return err.exitCode;
  }
  if (isNamed<ApiErrorLike>(err, "ApiError")) {
    for (const line of formatApiError(err)) io.eprintln(line);
    return exitCodeFor(err.code, err.status);
  }
  if (isNamed<NetworkErrorLike>(err, "NetworkError")) {
    io.eprintln(`Error (network): ${err.message}`);
    return exitCodeFor(err.code);
  }
  if (isNamed<Error>(err, "CredentialsError")) {
    io.eprintln(`Error (credentials): ${err.message}`);
    return EXIT_CODES.FAILURE;
  }
  const message = err instanceof Error ? err.message : String(err);
  io.eprintln(`Error: ${message}`);
  return EXIT_CODES.FAILURE;
}
