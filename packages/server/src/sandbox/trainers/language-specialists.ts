import { SEED_LANGUAGES } from "../seed/templates.js";
import type { TrainerExperienceLevel } from "../../db/schema-trainers.js";
import { seedCountry, type SeedCountry } from "./countries.js";
import { SPECIALTIES, type Specialty } from "./specialties.js";

/** What a language specialist is made to be: where they live, the language they speak natively, their work. */
export interface TrainerFocus {
  country: SeedCountry;
  nativeLanguage: string;
  level: TrainerExperienceLevel;
  /** Primary specialty first. */
  specialties: readonly Specialty[];
}

const specialty = (key: string): Specialty => {
  const found = SPECIALTIES.find((s) => s.key === key);
  if (!found) throw new Error(`unknown specialty ${key}`);
  return found;
};

/**
 * Three trainers per language and country: between them they cover the language-bound work of
 * the seeded job catalog (transcription and recordings, text classification, documents,
 * translation, entities, moderation, response rating) at the levels, and so the rates, it asks
 * for: entry-level work pays least, expert work most.
 */
const TEAMS: readonly { level: TrainerExperienceLevel; specialties: readonly string[] }[] = [
  { level: "ENTRY_LEVEL", specialties: ["audio", "nlp_classify", "documents"] },
  { level: "INTERMEDIATE", specialties: ["translation", "nlp_ner", "moderation"] },
  { level: "EXPERT", specialties: ["rlhf", "nlp_classify", "audio"] },
];

/**
 * The language specialists of the sandbox pool: for every language of the job catalog and every
 * country the catalog hires it in, native speakers who do the kinds of work jobs in that
 * language ask for. A random pool of a few hundred has two or three German
 * speakers, none in Austria or Switzerland, and rarely one who transcribes: without these a
 * German transcription job found nobody to apply.
 */
export function languageSpecialists(): TrainerFocus[] {
  const out: TrainerFocus[] = [];
  for (const language of SEED_LANGUAGES) {
    for (const code of language.countries) {
      const country = seedCountry(code);
      if (!country) throw new Error(`no seed country ${code} for ${language.name}`);
      for (const team of TEAMS) {
        out.push({
          country,
          nativeLanguage: language.name,
          level: team.level,
          specialties: team.specialties.map(specialty),
        });
      }
    }
  }
  return out;
}
