import { and, eq, gt } from "drizzle-orm";
import { claimAttempts } from "../../db/schema.js";
import type { ServiceContext } from "../context.js";
import type { ClaimAttemptRow } from "./find-attempt.js";

/** Pending, unexpired attempts showing this 6-digit code (the sandbox helper's lookup). */
export async function findPendingAttemptsByCode(ctx: ServiceContext, userCode: string): Promise<ClaimAttemptRow[]> {
  return ctx.db
    .select()
    .from(claimAttempts)
    .where(
      and(
        eq(claimAttempts.userCode, userCode),
        eq(claimAttempts.status, "pending"),
        gt(claimAttempts.expiresAt, ctx.clock.now()),
      ),
    )
    .limit(2);
}
