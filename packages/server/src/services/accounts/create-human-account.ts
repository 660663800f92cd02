import { accounts, memberships } from "../../db/schema.js";
import { newId } from "../../ids.js";
import type { ServiceContext } from "../context.js";
import type { UserRow } from "../users/find-user-by-email.js";

/** A workspace for a human who signed up in the app: claimed from the start (no ceremony). */
export async function createHumanAccount(ctx: ServiceContext, user: UserRow, name?: string): Promise<string> {
  const now = ctx.clock.now();
  const id = newId("acc");
  await ctx.db.insert(accounts).values({
    id,
    name: name ?? `${user.firstName || "My"}'s organization`,
    ownerUserId: user.id,
    claimedAt: now,
    createdAt: now,
  });
  await ctx.db.insert(memberships).values({ accountId: id, userId: user.id, role: "OWNER", joinedAt: now });
  return id;
}
