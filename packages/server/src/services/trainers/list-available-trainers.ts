import { and, arrayOverlaps, asc, eq, inArray, type SQL } from "drizzle-orm";
import { trainers, type TrainerRow } from "../../db/schema.js";
import type { ServiceContext } from "../context.js";

/**
 * ACTIVE trainers who could take a job with these hard requirements: one of the languages
 * (trainers_language_names_idx) and, when the job names countries, living in one of them
 * (trainers_country_idx). In id order, so callers that draw random numbers per trainer are
 * deterministic.
 */
export async function listAvailableTrainers(
  ctx: ServiceContext,
  req: { languages: readonly string[]; countries: readonly string[] },
): Promise<TrainerRow[]> {
  const where: SQL[] = [eq(trainers.status, "ACTIVE")];
  if (req.languages.length > 0) where.push(arrayOverlaps(trainers.languageNames, [...req.languages]));
  if (req.countries.length > 0) where.push(inArray(trainers.countryCode, [...req.countries]));
  return ctx.db
    .select()
    .from(trainers)
    .where(and(...where))
    .orderBy(asc(trainers.id));
}
