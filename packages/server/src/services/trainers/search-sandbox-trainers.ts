import type { SandboxTrainer } from "@opentrain-ai/contract";
import { asc } from "drizzle-orm";
import { trainers } from "../../db/schema.js";
import type { ServiceContext } from "../context.js";
import { toSandboxTrainer } from "./list-sandbox-trainers.js";

export const CONSOLE_TRAINERS_PER_PAGE = 25;

/** What a search term is matched against: only what the page shows (never the unmasked name). */
function searchText(t: SandboxTrainer): string {
  return [
    t.id,
    t.displayName,
    t.title,
    t.countryCode,
    t.country,
    t.experienceLevel,
    t.status,
    ...t.languages.map((l) => l.language),
    ...t.labelTypes,
    ...t.dataTypes,
    ...t.software,
  ]
    .filter(Boolean)
    .join("\n")
    .toLowerCase();
}

/**
 * The trainer console's picker: sandbox trainers in id order whose masked view contains every
 * word of `q` (name, title, country, languages, label and data types, tools, id), a page at a
 * time after the id `after`. The search runs over the masked view in memory, so a surname can
 * never find anyone; the sandbox pool is a few hundred rows.
 */
export async function searchSandboxTrainers(
  ctx: ServiceContext,
  input: { q?: string; after?: string; limit?: number },
): Promise<{ trainers: SandboxTrainer[]; nextAfter: string | null; total: number }> {
  const limit = input.limit ?? CONSOLE_TRAINERS_PER_PAGE;
  const words = (input.q ?? "").toLowerCase().split(/\s+/).filter(Boolean);
  const rows = await ctx.db.select().from(trainers).orderBy(asc(trainers.id));
  const matching = rows.map(toSandboxTrainer).filter((t) => {
    const text = searchText(t);
    return words.every((w) => text.includes(w));
  });
  const after = input.after;
  const rest = after ? matching.filter((t) => t.id > after) : matching;
  const page = rest.slice(0, limit);
  return {
    trainers: page,
    nextAfter: rest.length > limit ? page[page.length - 1]!.id : null,
    total: matching.length,
  };
}
