/**
 * Skills shown on the public job object (`derived.skills`): the label types, the named tools and skill
 * keywords from vocab/skills.ts, in that order, without duplicates.
 */
import { findKeyed, keyed, type TextView } from "./text.js";
import { SKILL_KEYWORDS } from "./vocab/skills.js";

const SKILL_RE = keyed(Object.entries(SKILL_KEYWORDS).map(([src, name]) => [name, src] as const));

export function extractSkills(view: TextView, labelTypes: readonly string[], tools: readonly string[]): string[] {
  const found = findKeyed(SKILL_RE, view.lower).map((m) => m.key);
  return [...new Set([...labelTypes, ...tools, ...found])];
}
