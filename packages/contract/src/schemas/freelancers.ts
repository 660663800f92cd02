import { z } from "zod";
import { isoTimestamp } from "./common.js";

/** A job the trainer held, as listed on the profile (free text is sanitized). */
export const freelancerWorkExperienceSchema = z.object({
  id: z.string(),
  title: z.string(),
  company: z.string().nullable(),
  countryCode: z.string().nullable(),
  fromYear: z.number().int().nullable(),
  toYear: z.number().int().nullable(),
  ongoing: z.boolean(),
  description: z.string().nullable(),
});

export const freelancerEducationSchema = z.object({
  id: z.string(),
  school: z.string(),
  degree: z.string().nullable(),
  fieldOfStudy: z.string().nullable(),
  fromYear: z.number().int().nullable(),
  toYear: z.number().int().nullable(),
});

/**
 * Masked public AI trainer profile (GET /freelancers/{idOrSlug}). Names are first name + last
 * initial; email, phone and other contact details are never part of it, and contact details
 * inside free text are replaced by markers such as `[email redacted]`.
 */
export const freelancerProfileSchema = z.object({
  id: z.string().describe("The AI trainer's user id; key records on it, never on the display name"),
  profileSlug: z.string().nullable(),
  profilePath: z.string().describe("e.g. /profile/ana-p"),
  displayName: z.string().describe('First name + last initial, e.g. "Ana P."; "Freelancer" when no usable name exists'),
  firstName: z.string(),
  lastNameInitial: z.string().describe('e.g. "P."; empty when there is no usable last name'),
  talentType: z.string().describe('e.g. "FREELANCER"'),
  title: z.string().nullable(),
  bio: z.string().nullable(),
  city: z.string().nullable(),
  countryCode: z.string().nullable(),
  country: z.string().nullable(),
  profilePhotoUrl: z.string().nullable(),
  hourlyRateUsd: z.number().nullable().describe("Hourly rate expectation; per-label and fixed rates are not shown"),
  availability: z.string().nullable().describe("FULL_TIME, PART_TIME or AS_NEEDED"),
  expertiseLevel: z.string().nullable().describe("ENTRY_LEVEL, INTERMEDIATE or EXPERT"),
  englishLevel: z.string().nullable().describe("BASIC, CONVERSATIONAL, FLUENT or NATIVE"),
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
      proficiency: z.string().describe("BASIC, CONVERSATIONAL, FLUENT or NATIVE"),
    }),
  ),
  stats: z.object({
    totalEarnedUsd: z.number(),
    billedHours: z.number(),
    jobSuccessScore: z.number().nullable().describe("0–100; null before the first finished contracts"),
    reviewCount: z.number().int().nonnegative(),
    averageRating: z.number().nullable().describe("1–5"),
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
  workExperience: z.array(freelancerWorkExperienceSchema),
  education: z.array(freelancerEducationSchema),
  reviews: z.array(
    z.object({
      id: z.string(),
      rating: z.number().describe("1–5"),
      comment: z.string().nullable(),
      createdAt: isoTimestamp,
    }),
  ),
});
export type FreelancerProfile = z.infer<typeof freelancerProfileSchema>;
