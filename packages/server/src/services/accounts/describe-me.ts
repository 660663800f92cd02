import type { AuthMe } from "@opentrain-ai/contract";
import { eq } from "drizzle-orm";
import { iso } from "../../clock.js";
import { accounts, users } from "../../db/schema.js";
import { notFound } from "../../errors.js";
import type { Principal, ServiceContext } from "../context.js";

/** GET /auth/me: the user, token and account behind the principal. */
export async function describeMe(ctx: ServiceContext, principal: Principal): Promise<AuthMe> {
  const [row] = await ctx.db
    .select({ user: users, account: accounts })
    .from(users)
    .innerJoin(accounts, eq(accounts.id, principal.accountId))
    .where(eq(users.id, principal.userId))
    .limit(1);
  if (!row) throw notFound("The user behind this token no longer exists.");
  const { user, account } = row;
  const fullName = [user.firstName, user.lastName].filter(Boolean).join(" ");
  return {
    actor: {
      userId: user.id,
      email: user.email,
      firstName: user.firstName,
      lastName: user.lastName,
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
      id: account.id,
      kind: "employer_organization",
      organizationId: account.id,
      organizationName: account.name,
      ownerUserId: account.ownerUserId,
      memberRole: principal.role,
      claimed: account.claimedAt !== null,
      claimedAt: iso(account.claimedAt),
    },
  };
}
