import { and, eq } from "drizzle-orm";
import { creditTopUps } from "../../db/schema.js";
import { notFound } from "../../errors.js";
import type { ServiceContext } from "../context.js";
import { effectiveStatus, type TopUpRow } from "./top-up-view.js";

export function topUpNotFound(topUpId: string) {
  return notFound("No top-up with this id on your account.", { resource: "credit-top-ups", topUpId });
}

/**
 * The top-up, with lazy expiry applied: a PENDING one past expiresAt is switched to EXPIRED (a
 * conditional update, so a payment that completed meanwhile is never overwritten). With
 * `accountId` another account's top-up is a 404 like an unknown id.
 */
export async function findTopUp(
  ctx: ServiceContext,
  topUpId: string,
  opts: { accountId?: string; lock?: boolean } = {},
): Promise<TopUpRow> {
  const where = [eq(creditTopUps.id, topUpId)];
  if (opts.accountId) where.push(eq(creditTopUps.accountId, opts.accountId));
  const query = ctx.db
    .select()
    .from(creditTopUps)
    .where(and(...where))
    .limit(1);
  const [row] = opts.lock ? await query.for("update") : await query;
  if (!row) throw topUpNotFound(topUpId);
  if (row.status === "PENDING" && effectiveStatus(row, ctx.clock.now()) === "EXPIRED") {
    const [expired] = await ctx.db
      .update(creditTopUps)
      .set({ status: "EXPIRED" })
      .where(and(eq(creditTopUps.id, row.id), eq(creditTopUps.status, "PENDING")))
      .returning();
    if (expired) return expired;
    const [fresh] = await ctx.db.select().from(creditTopUps).where(eq(creditTopUps.id, row.id)).limit(1);
    return fresh ?? row;
  }
  return row;
}
