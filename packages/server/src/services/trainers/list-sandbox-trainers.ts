import type { SandboxTrainer } from "@opentrain-ai/contract";
import { asc, gt } from "drizzle-orm";
import { trainers, type TrainerRow } from "../../db/schema.js";
import type { ServiceContext } from "../context.js";
import { decodeCursor, toPage } from "../pagination.js";
import { sanitizeOptional } from "../privacy/sanitize-text.js";
import { countryName, maskedIdentity, usdOfCents } from "./masked-identity.js";

export const TRAINERS_DEFAULT_LIMIT = 20;

/** A trainer as the sandbox helpers and the trainer console show it: the real id, the masked name. */
export function toSandboxTrainer(row: TrainerRow): SandboxTrainer {
  return {
    ...maskedIdentity(row),
    status: row.status,
    title: sanitizeOptional(row.title, { lastNames: [row.lastName] }),
    countryCode: row.countryCode,
    country: countryName(row.countryCode),
    timezone: row.timezone,
    experienceLevel: row.experienceLevel,
    hourlyRateUsd: row.hourlyRateCents === null ? null : usdOfCents(row.hourlyRateCents),
    availability: row.availability,
    hoursPerWeek: row.hoursPerWeek,
    languages: row.languages.map((l) => ({ language: l.language, proficiency: l.proficiency })),
    dataTypes: row.dataTypes,
    labelTypes: row.labelTypes,
    software: row.software,
    identityVerified: row.identityVerified,
  };
}

/** GET /api/sandbox/v1/trainers: every trainer in id order, with ids and masked names (primary-key scan). */
export async function listSandboxTrainers(
  ctx: ServiceContext,
  input: { limit?: number; cursor?: string },
): Promise<{ trainers: SandboxTrainer[]; nextCursor: string | null }> {
  const limit = input.limit ?? TRAINERS_DEFAULT_LIMIT;
  const after = input.cursor ? (decodeCursor(input.cursor, ["string"])[0] as string) : null;
  const rows = await ctx.db
    .select()
    .from(trainers)
    .where(after === null ? undefined : gt(trainers.id, after))
    .orderBy(asc(trainers.id))
    .limit(limit + 1);
  const page = toPage(rows, limit, (r) => [r.id]);
  return { trainers: page.items.map(toSandboxTrainer), nextCursor: page.nextCursor };
}
