/**
 * Skill keywords surfaced in `derived.skills` besides label types and tools (regular-expression source →
 * display name; lower-cased, accent-folded text, word boundaries).
 */
export const SKILL_KEYWORDS: Readonly<Record<string, string>> = {
  python: "Python",
  javascript: "JavaScript",
  typescript: "TypeScript",
  sql: "SQL",
  latex: "LaTeX",
  "excel|spreadsheets?|google sheets": "Spreadsheets",
  "gis|qgis|arcgis|geojson": "GIS",
  "linguistics?|linguists?": "Linguistics",
  "phonetics?": "Phonetics",
  "proofread(?:ing)?": "Proofreading",
  "copy ?editing|copywriting": "Copywriting",
  "creative writing": "Creative Writing",
  "medical terminology|clinical": "Medical Knowledge",
  "radiolog[\\p{L}]*": "Radiology",
  "patholog[\\p{L}]*": "Pathology",
  "legal|law students|paralegals?|juristes?": "Legal Knowledge",
  "mathematics|math|maths": "Mathematics",
  physics: "Physics",
  chemistry: "Chemistry",
  "software engineering|programming|coding": "Programming",
  "localization|localisation": "Localization",
  "attention to detail|detail[- ]oriented": "Attention to Detail",
  "trust (?:&|and) safety|content policy": "Trust & Safety",
  "research(?:ing)?": "Research",
};
