import { z } from "zod";
import { isoTimestamp } from "./common.js";

/** Masked public AI trainer profile (GET /freelancers/{idOrSlug}). */
export const freelancerProfileSchema = z.object({
  id: z.string(),
  profileSlug: z.string().nullable(),
  profilePath: z.string().describe("e.g. /profile/ana-p"),
  displayName: z.string().describe("First name + last initial"),
  firstName: z.string(),
  lastNameInitial: z.string(),
  talentType: z.string(),
  title: z.string().nullable(),
  bio: z.string().nullable(),
  city: z.string().nullable(),
  countryCode: z.string().nullable(),
  country: z.string().nullable(),
  profilePhotoUrl: z.string().nullable(),
  hourlyRateUsd: z.number().nullable(),
  availability: z.string().nullable().describe('e.g. "FULL_TIME"'),
  expertiseLevel: z.string().nullable().describe('e.g. "EXPERT"'),
  englishLevel: z.string().nullable().describe('e.g. "FLUENT"'),
  memberSince: isoTimestamp.nullable(),
  identityVerified: z.boolean(),
  skills: z.object({
    subjectMatter: z.array(z.string()),
    tags: z.array(z.string()),
    software: z.array(z.string()),
    dataTypes: z.array(z.string()),
    labelTypes: z.array(z.string()),
  }),
  languages: z.array(
    z.object({
      language: z.string(),
      proficiency: z.string().describe("e.g. NATIVE, FLUENT"),
    }),
  ),
  stats: z.object({
    totalEarnedUsd: z.number(),
    billedHours: z.number(),
    jobSuccessScore: z.number().nullable(),
    reviewCount: z.number().int().nonnegative(),
    averageRating: z.number().nullable(),
  }),
  agency: z.looseObject({}).nullable().describe("null for individuals"),
  labelExperience: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      description: z.string().nullable(),
      fromYear: z.number().int().nullable(),
      toYear: z.number().int().nullable(),
      ongoing: z.boolean(),
      software: z.string().nullable(),
      dataType: z.string().nullable(),
      labelTypes: z.array(z.string()),
    }),
  ),
  workExperience: z.array(z.looseObject({})),
  education: z.array(z.looseObject({})),
  reviews: z.array(
    z.object({
      id: z.string(),
      rating: z.number(),
      comment: z.string().nullable(),
      createdAt: isoTimestamp,
    }),
  ),
});
export type FreelancerProfile = z.infer<typeof freelancerProfileSchema>;
