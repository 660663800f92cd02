import type { operations } from "@opentrain-ai/contract";
import type { Handler } from "../../http/request-context.js";
import { getFreelancerProfile } from "../../services/trainers/get-freelancer-profile.js";

/** Any trainer's masked profile (not tenant-owned: proposals:read is enough). */
export const get: Handler<typeof operations.freelancersGet> = async (ctx, input) => ({
  freelancer: await getFreelancerProfile(ctx, input.idOrSlug),
});
