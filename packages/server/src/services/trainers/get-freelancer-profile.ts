import type { FreelancerProfile } from "@opentrain-ai/contract";
import { desc, eq } from "drizzle-orm";
import { trainerReviews } from "../../db/schema.js";
import { notFound } from "../../errors.js";
import type { ServiceContext } from "../context.js";
import { findTrainer } from "./find-trainer.js";
import { toFreelancerProfile } from "./public-profile.js";

/** Reviews shown on a profile, newest first. */
const PROFILE_REVIEWS = 50;

/** GET /freelancers/{idOrSlug}: any trainer's masked profile; 404 with details when there is none. */
export async function getFreelancerProfile(ctx: ServiceContext, idOrSlug: string): Promise<FreelancerProfile> {
  const row = await findTrainer(ctx, idOrSlug);
  if (!row) {
    throw notFound(`No AI trainer has the id or profile slug "${idOrSlug}".`, {
      resource: "freelancers",
      idOrSlug,
    });
  }
  const reviews = await ctx.db
    .select()
    .from(trainerReviews)
    .where(eq(trainerReviews.trainerId, row.id))
    .orderBy(desc(trainerReviews.createdAt), desc(trainerReviews.id))
    .limit(PROFILE_REVIEWS);
  return toFreelancerProfile(row, reviews);
}
