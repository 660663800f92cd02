import type { contractFreelancerSchema, maskedCandidateSchema } from "@opentrain-ai/contract";
import type { z } from "zod";
import type { TrainerRow } from "../../db/schema-trainers.js";
import { sanitizeOptional } from "../privacy/sanitize-text.js";
import { countryName, maskedIdentity, usdOfCents } from "./masked-identity.js";

type MaskedCandidate = z.infer<typeof maskedCandidateSchema>;
type ContractFreelancer = z.infer<typeof contractFreelancerSchema>;

/** The masked `candidate` of proposal lists and details (spec 30 §0.3). */
export function toMaskedCandidate(row: TrainerRow): MaskedCandidate {
  const { id, profileSlug, displayName, firstName, lastNameInitial } = maskedIdentity(row);
  return {
    id,
    profileSlug,
    displayName,
    firstName,
    lastNameInitial,
    profileTitle: sanitizeOptional(row.title, { lastNames: [row.lastName] }),
    profilePhotoUrl: row.profilePhotoUrl,
    countryCode: row.countryCode,
    country: countryName(row.countryCode),
    talentType: row.talentType,
    highestEarningsUsd: row.highestEarningsCents === null ? null : usdOfCents(row.highestEarningsCents),
    reviewCount: row.reviewCount,
  };
}

/** The masked `freelancer` of a contract: hiring does not unmask (spec 10 §14). */
export function toContractFreelancer(row: TrainerRow): ContractFreelancer {
  const identity = maskedIdentity(row);
  return {
    userId: identity.id,
    displayName: identity.displayName,
    country: countryName(row.countryCode),
    profilePath: identity.profilePath,
  };
}
