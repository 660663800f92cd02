import type { AuthMe } from "@opentrain-ai/contract";
import { iso } from "../../clock.js";
import type { Principal } from "../context.js";

/**
 * GET /auth/me: the user, token and account behind the principal. Answered from the principal,
 * which authentication loaded in the same query as the token (and the auth cache keeps until
 * the account changes), so the most frequent authenticated read costs no query of its own.
 */
export function describeMe(principal: Principal): AuthMe {
  const { profile } = principal;
  if (!profile) throw new Error("describeMe needs a bearer-token principal (with its profile)");
  const fullName = [profile.firstName, profile.lastName].filter(Boolean).join(" ");
  return {
    actor: {
      userId: principal.userId,
      email: profile.email,
      firstName: profile.firstName,
      lastName: profile.lastName,
      fullName,
      userType: "EMPLOYER",
    },
    token: {
      id: principal.tokenId,
      label: principal.tokenName,
      scopes: principal.scopes as AuthMe["token"]["scopes"],
      ownerOrganizationId: principal.accountId,
    },
    account: {
      id: principal.accountId,
      kind: "employer_organization",
      organizationId: principal.accountId,
      organizationName: profile.accountName,
      ownerUserId: profile.ownerUserId,
      memberRole: principal.role,
      claimed: profile.claimedAt !== null,
      claimedAt: iso(profile.claimedAt),
    },
  };
}
