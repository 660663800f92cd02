import { eq } from "drizzle-orm";
import { registrations } from "../../db/schema.js";
import { hashSecret } from "../../ids.js";
import type { ServiceContext } from "../context.js";

export type RegistrationRow = typeof registrations.$inferSelect;

/** The registration a claim token belongs to, locked for the rest of the transaction. */
export async function findRegistrationForUpdate(
  ctx: ServiceContext,
  claimToken: string,
): Promise<RegistrationRow | null> {
  if (!claimToken.startsWith("ot_clm_") || claimToken.length > 200) return null;
  const [row] = await ctx.db
    .select()
    .from(registrations)
    .where(eq(registrations.claimTokenHash, hashSecret(claimToken)))
    .limit(1)
    .for("update");
  return row ?? null;
}
