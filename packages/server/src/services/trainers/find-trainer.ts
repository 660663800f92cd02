import { eq, or } from "drizzle-orm";
import { trainers, type TrainerRow } from "../../db/schema.js";
import type { ServiceContext } from "../context.js";

/** A trainer by id (`ftr_…`) or public profile slug (any case); suspended trainers are not found. */
export async function findTrainer(ctx: ServiceContext, idOrSlug: string): Promise<TrainerRow | null> {
  const key = idOrSlug.trim();
  const [row] = await ctx.db
    .select()
    .from(trainers)
    .where(or(eq(trainers.id, key), eq(trainers.slug, key.toLowerCase())))
    .limit(1);
  return row && row.status !== "SUSPENDED" ? row : null;
}
