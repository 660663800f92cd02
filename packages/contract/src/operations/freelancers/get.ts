import { z } from "zod";
import { defineOperation } from "../../define-operation.js";
import { freelancerProfileSchema } from "../../schemas/freelancers.js";
import { idParam } from "../../schemas/params.js";

export const freelancersGet = defineOperation({
  id: "freelancers.get",
  resource: "freelancers",
  summary: "Read a masked AI trainer profile",
  description:
    "Profile by user id or public profile slug: title, bio, skills, stats, labeling and work experience, education, reviews and languages. Names are first name + last initial; contact details are never returned.",
  method: "GET",
  api: "public",
  path: "/freelancers/{idOrSlug}",
  auth: "bearer",
  scope: "proposals:read",
  input: z.object({
    idOrSlug: idParam("AI trainer user id or public profile slug", 200),
  }),
  output: z.object({ freelancer: freelancerProfileSchema }),
  errors: ["BAD_REQUEST", "NOT_FOUND"],
  tool: {
    name: "opentrain_get_freelancer_profile",
    title: "Get freelancer profile",
    description:
      "Read a masked AI trainer profile for candidate evaluation: title, bio, skills, stats (earned, billed hours, job success), work and labeling experience, education, reviews, and languages. Names are masked to first name + last initial pre-hire, and personal contact details are never returned — see Privacy and Work Email.",
  },
  cli: { command: ["freelancers", "get"], positional: ["idOrSlug"] },
});
