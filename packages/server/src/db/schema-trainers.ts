import { bigint, boolean, doublePrecision, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** Drizzle mirror of migrations/0003-trainers.ts (the SQL there is the source of truth for DDL). */
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export type TrainerStatus = "ACTIVE" | "UNAVAILABLE" | "SUSPENDED";
export type TrainerExperienceLevel = "ENTRY_LEVEL" | "INTERMEDIATE" | "EXPERT";
export type TrainerAvailability = "FULL_TIME" | "PART_TIME" | "AS_NEEDED";
export type LanguageProficiency = "BASIC" | "CONVERSATIONAL" | "FLUENT" | "NATIVE";
export type LocationVerificationStatus = "NOT_STARTED" | "PENDING" | "PASSED" | "FAILED";

export interface TrainerLanguage {
  language: string;
  proficiency: LanguageProficiency;
}

/** One labeling project on the profile (the spec's `labelExperience` item). */
export interface TrainerLabelExperience {
  id: string;
  title: string;
  description: string | null;
  fromYear: number | null;
  toYear: number | null;
  ongoing: boolean;
  software: string | null;
  dataType: string | null;
  labelTypes: string[];
}

export interface TrainerWorkExperience {
  id: string;
  title: string;
  company: string | null;
  countryCode: string | null;
  fromYear: number | null;
  toYear: number | null;
  ongoing: boolean;
  description: string | null;
}

export interface TrainerEducation {
  id: string;
  school: string;
  degree: string | null;
  fieldOfStudy: string | null;
  fromYear: number | null;
  toYear: number | null;
}

/** How the sandbox simulator plays this trainer; `seed` varies its replies deterministically. */
export interface TrainerPersona {
  tone: "formal" | "friendly" | "concise" | "enthusiastic";
  /** Typical minutes before answering a message (virtual clock). */
  replyDelayMinutes: number;
  /** 0–1: how likely the trainer applies to a job that fits. */
  applyPropensity: number;
  /** 0–1: how reliably funded work is delivered on time. */
  reliability: number;
  /** Bid relative to the trainer's own rate expectation. */
  bidStyle: "at_rate" | "below_rate" | "above_rate";
  verbosity: "short" | "medium" | "long";
}

export const trainers = pgTable("trainers", {
  id: text("id").primaryKey(),
  slug: text("slug").notNull(),
  status: text("status").$type<TrainerStatus>().notNull(),
  /** Private: the API shows only the masked name (services/privacy/mask-name). */
  firstName: text("first_name").notNull(),
  lastName: text("last_name").notNull(),
  legalName: text("legal_name").notNull(),
  email: text("email"),
  phone: text("phone"),
  talentType: text("talent_type").$type<"FREELANCER" | "AGENCY">().notNull(),
  title: text("title"),
  bio: text("bio"),
  city: text("city"),
  /** ISO 3166-1 alpha-2. */
  countryCode: text("country_code"),
  /** IANA time zone, e.g. Europe/Berlin. */
  timezone: text("timezone"),
  profilePhotoUrl: text("profile_photo_url"),
  hourlyRateCents: integer("hourly_rate_cents"),
  /** Per-label rate expectation in micro-dollars (labels are often priced below a cent). Never shown. */
  perLabelRateMicros: bigint("per_label_rate_micros", { mode: "number" }),
  availability: text("availability").$type<TrainerAvailability>(),
  hoursPerWeek: integer("hours_per_week"),
  experienceLevel: text("experience_level").$type<TrainerExperienceLevel>().notNull(),
  englishLevel: text("english_level").$type<LanguageProficiency>(),
  languages: jsonb("languages").$type<TrainerLanguage[]>().notNull(),
  /** Language names of `languages`, for indexed matching. */
  languageNames: text("language_names").array().notNull(),
  subjectMatter: text("subject_matter").array().notNull(),
  /** Free skill tags. */
  skills: text("skills").array().notNull(),
  /** Labeling tools used. */
  software: text("software").array().notNull(),
  dataTypes: text("data_types").array().notNull(),
  labelTypes: text("label_types").array().notNull(),
  labelExperience: jsonb("label_experience").$type<TrainerLabelExperience[]>().notNull(),
  workExperience: jsonb("work_experience").$type<TrainerWorkExperience[]>().notNull(),
  education: jsonb("education").$type<TrainerEducation[]>().notNull(),
  totalEarnedCents: bigint("total_earned_cents", { mode: "number" }).notNull(),
  highestEarningsCents: bigint("highest_earnings_cents", { mode: "number" }),
  billedHours: integer("billed_hours").notNull(),
  /** 0–100; null until the trainer has finished contracts. */
  jobSuccessScore: integer("job_success_score"),
  reviewCount: integer("review_count").notNull(),
  averageRating: doublePrecision("average_rating"),
  identityVerified: boolean("identity_verified").notNull(),
  locationStatus: text("location_status").$type<LocationVerificationStatus>().notNull(),
  locationMethod: text("location_method").$type<"GPS" | "IP" | "DOCUMENT">(),
  locationCheckedAt: ts("location_checked_at"),
  /** Labeling assessment (Open Label) score, 0–100; null when never taken. */
  assessmentScore: integer("assessment_score"),
  assessmentTakenAt: ts("assessment_taken_at"),
  personaSeed: integer("persona_seed").notNull(),
  persona: jsonb("persona").$type<TrainerPersona>().notNull(),
  /** The sandbox seed that created the row; null for real trainers. */
  sandboxSeed: text("sandbox_seed"),
  memberSince: ts("member_since").notNull(),
  createdAt: ts("created_at").notNull(),
  updatedAt: ts("updated_at").notNull(),
});
export type TrainerRow = typeof trainers.$inferSelect;

export const trainerReviews = pgTable("trainer_reviews", {
  id: text("id").primaryKey(),
  trainerId: text("trainer_id").notNull(),
  rating: doublePrecision("rating").notNull(),
  comment: text("comment"),
  /** The (employer) client who left the review; not shown on the public profile. */
  clientName: text("client_name"),
  jobTitle: text("job_title"),
  contractId: text("contract_id"),
  createdAt: ts("created_at").notNull(),
});
export type TrainerReviewRow = typeof trainerReviews.$inferSelect;
