import type { FreelancerProfile } from "@opentrain-ai/contract";
import type { TrainerReviewRow, TrainerRow } from "../../db/schema-trainers.js";
import { sanitizeOptional, sanitizeText, type SanitizeOptions } from "../privacy/sanitize-text.js";
import { countryName, maskedIdentity, usdOfCents } from "./masked-identity.js";

/**
 * The masked public profile (spec 30 §1.6, privacy §0.4): first name + last initial, no email,
 * phone or legal name, and every free-text field run through the sanitizer with the trainer's
 * last name. Per-label rates, the assessment score and the simulator persona stay internal.
 */
export function toFreelancerProfile(row: TrainerRow, reviews: readonly TrainerReviewRow[]): FreelancerProfile {
  const opts: SanitizeOptions = { lastNames: [row.lastName] };
  const clean = (s: string) => sanitizeText(s, opts);
  const cleanOpt = (s: string | null) => sanitizeOptional(s, opts);
  const cleanAll = (list: readonly string[]) => list.map(clean);
  return {
    ...maskedIdentity(row),
    talentType: row.talentType,
    title: cleanOpt(row.title),
    bio: cleanOpt(row.bio),
    city: cleanOpt(row.city),
    countryCode: row.countryCode,
    country: countryName(row.countryCode),
    profilePhotoUrl: row.profilePhotoUrl,
    hourlyRateUsd: row.hourlyRateCents === null ? null : usdOfCents(row.hourlyRateCents),
    availability: row.availability,
    expertiseLevel: row.experienceLevel,
    englishLevel: row.englishLevel,
    memberSince: row.memberSince.toISOString(),
    identityVerified: row.identityVerified,
    skills: {
      subjectMatter: cleanAll(row.subjectMatter),
      tags: cleanAll(row.skills),
      software: cleanAll(row.software),
      dataTypes: row.dataTypes,
      labelTypes: cleanAll(row.labelTypes),
    },
    languages: row.languages.map((l) => ({ language: l.language, proficiency: l.proficiency })),
    stats: {
      totalEarnedUsd: usdOfCents(row.totalEarnedCents),
      billedHours: row.billedHours,
      jobSuccessScore: row.jobSuccessScore,
      reviewCount: row.reviewCount,
      averageRating: row.averageRating,
    },
    agency: null,
    labelExperience: row.labelExperience.map((e) => ({
      id: e.id,
      title: clean(e.title),
      description: cleanOpt(e.description),
      fromYear: e.fromYear,
      toYear: e.toYear,
      ongoing: e.ongoing,
      software: cleanOpt(e.software),
      dataType: e.dataType,
      labelTypes: cleanAll(e.labelTypes),
    })),
    workExperience: row.workExperience.map((w) => ({
      id: w.id,
      title: clean(w.title),
      company: cleanOpt(w.company),
      countryCode: w.countryCode,
      fromYear: w.fromYear,
      toYear: w.toYear,
      ongoing: w.ongoing,
      description: cleanOpt(w.description),
    })),
    education: row.education.map((e) => ({
      id: e.id,
      school: clean(e.school),
      degree: cleanOpt(e.degree),
      fieldOfStudy: cleanOpt(e.fieldOfStudy),
      fromYear: e.fromYear,
      toYear: e.toYear,
    })),
    reviews: reviews.map((r) => ({
      id: r.id,
      rating: r.rating,
      comment: cleanOpt(r.comment),
      createdAt: r.createdAt.toISOString(),
    })),
  };
}
