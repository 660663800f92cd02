import { hasScope, type Operation } from "@opentrain-ai/contract";
import type { FastifyRequest } from "fastify";
import { ApiError } from "../errors.js";
import { andThen, type MaybePromise } from "../maybe-promise.js";
import { constantTimeEquals } from "../ids.js";
import { getFeatures } from "../services/accounts/features.js";
import type { Principal, ServiceContext } from "../services/context.js";
import { authenticateToken } from "../services/tokens/authenticate.js";

function bearerOf(req: FastifyRequest): string | null {
  const header = req.headers.authorization;
  if (typeof header !== "string") return null;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return m ? (m[1] as string) : null;
}

function unauthorized(ctx: ServiceContext, message: string): ApiError {
  return new ApiError("UNAUTHORIZED", message, undefined, {
    "www-authenticate": `Bearer resource_metadata="${ctx.config.publicUrl}/.well-known/oauth-protected-resource"`,
  });
}

/**
 * The gates of an operation, in one fixed order: authenticate → feature flag → claim → scope.
 * Claim comes before scope because every claim-gated operation needs a scope that only the
 * claim grants: checked the other way round, an unclaimed agent would never learn it must be
 * claimed (docs/decisions.md). Input validation and tenant ownership follow.
 */
export function runGates(ctx: ServiceContext, req: FastifyRequest, op: Operation): MaybePromise<Principal | null> {
  if (op.auth === "sandbox") {
    const secret = bearerOf(req);
    if (!secret || !constantTimeEquals(secret, ctx.config.sandboxSecret)) {
      throw new ApiError(
        "UNAUTHORIZED",
        "Sandbox helpers need Authorization: Bearer <sandbox secret> (OPENTRAIN_SANDBOX_SECRET or the start-up banner).",
      );
    }
    return null;
  }
  if (op.auth === "none") return null;

  const secret = bearerOf(req);
  if (!secret) throw unauthorized(ctx, "Missing bearer token: send Authorization: Bearer ot_pat_...");
  return andThen(authenticateToken(ctx, secret), (principal) => {
    if (!principal) throw unauthorized(ctx, "The bearer token is invalid, expired or revoked.");
    if (!op.feature) return checkClaimAndScope(ctx, op, principal);
    const feature = op.feature;
    return andThen(getFeatures(ctx, principal.accountId), (features) => {
      if (!features[feature]) {
        throw new ApiError("FORBIDDEN", `The ${feature} feature is not enabled for this account.`, {
          reason: "feature_disabled",
          featureKey: feature,
          mode: "ALLOWLIST",
        });
      }
      return checkClaimAndScope(ctx, op, principal);
    });
  });
}

/** The gates after the feature flag: claim, then scope. */
function checkClaimAndScope(ctx: ServiceContext, op: Operation, principal: Principal): Principal {
  if (op.claim && !principal.claimed) {
    throw new ApiError("FORBIDDEN", `This agent account must be claimed by a human before it can ${op.claim}.`, {
      reason: "account_claim_required",
      action: op.claim,
      claimUrl: `${ctx.config.publicUrl}/claim`,
    });
  }
  if (op.scope && !hasScope(principal.scopes, op.scope)) {
    throw new ApiError("FORBIDDEN", "Token lacks a required scope.", {
      reason: "insufficient_scope",
      requiredScopes: [op.scope],
      grantedScopes: principal.scopes,
    });
  }
  if (op.anyScope && !op.anyScope.some((s) => hasScope(principal.scopes, s))) {
    throw new ApiError("FORBIDDEN", `Token needs at least one of: ${op.anyScope.join(", ")}.`, {
      reason: "insufficient_scope",
      requiredScopes: [...op.anyScope],
      grantedScopes: principal.scopes,
    });
  }
  return principal;
}
