import type { TrainerRow } from "../../db/schema-trainers.js";
import { maskName, type MaskedName } from "../privacy/mask-name.js";

let regionNames: Intl.DisplayNames | null = null;

/** English name of an ISO 3166-1 alpha-2 code (NG → Nigeria); null when unknown. */
export function countryName(code: string | null): string | null {
  if (!code) return null;
  regionNames ??= new Intl.DisplayNames(["en"], { type: "region", fallback: "none" });
  try {
    return regionNames.of(code) ?? null;
  } catch {
    return null;
  }
}

export const profilePathOf = (slug: string) => `/profile/${slug}`;

/** The identity every API answer may show of a trainer: id, slug and the masked name. */
export interface MaskedTrainerIdentity extends MaskedName {
  id: string;
  profileSlug: string;
  profilePath: string;
}

export function maskedIdentity(row: Pick<TrainerRow, "id" | "slug" | "firstName" | "lastName">): MaskedTrainerIdentity {
  return {
    id: row.id,
    profileSlug: row.slug,
    profilePath: profilePathOf(row.slug),
    ...maskName(row.firstName, row.lastName),
  };
}

/** Cents → USD (2 decimals). */
export const usdOfCents = (cents: number) => Math.round(cents) / 100;
