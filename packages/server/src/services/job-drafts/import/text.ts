import { parseJobDescription } from "../parse/index.js";
import { isUpdateKey } from "../../jobs/fields.js";
import { coerceField } from "./coerce.js";
import { emptyImport, previewValue, type ImportResult } from "./types.js";

/** Parser confidence under this is reported in lowConfidenceFields. */
export const LOW_CONFIDENCE = 0.6;

/** Plain text (or a brief) through the description parser. */
export function importText(text: string, opts: { title?: string } = {}): ImportResult {
  const result = emptyImport();
  let parsed: ReturnType<typeof parseJobDescription>;
  try {
    parsed = parseJobDescription(text, opts.title ? { title: opts.title } : undefined);
  } catch {
    // The parser is best effort: the draft keeps the text and the gap list asks for the rest.
    result.fields.jobDescription = text.trim().slice(0, 60_000);
    result.warnings.push("The description could not be parsed automatically; fill the fields listed in missingFields.");
    return result;
  }
  const fields = result.fields as Record<string, unknown>;
  for (const [key, value] of Object.entries(parsed.fields ?? {})) {
    if (value === undefined || value === null) continue;
    if (!isUpdateKey(key)) {
      result.unmappedFields.push({ path: key, reason: "not an update key", valuePreview: previewValue(value) });
      continue;
    }
    const c = coerceField(key, value);
    if (!c.ok) {
      result.unmappedFields.push({ path: key, reason: c.reason, valuePreview: previewValue(value) });
      continue;
    }
    fields[key] = c.value;
    const confidence = parsed.confidence?.[key];
    if (typeof confidence === "number" && confidence < LOW_CONFIDENCE) {
      result.lowConfidenceFields.push({
        field: key,
        value: c.value,
        confidence,
        reason: "parsed with low confidence; confirm it with the human",
      });
    }
  }
  if (result.fields.jobDescription === undefined && text.trim()) {
    result.fields.jobDescription = text.trim().slice(0, 60_000);
  }
  if (opts.title && result.fields.jobTitle === undefined) {
    const c = coerceField("jobTitle", opts.title);
    if (c.ok) result.fields.jobTitle = c.value as string;
  }
  const d = parsed.derived ?? {};
  result.hints = {
    category: d.category ?? null,
    skills: Array.isArray(d.skills) ? d.skills.filter((s): s is string => typeof s === "string") : [],
    currency: d.currency ?? null,
    deadline: d.deadline ?? null,
  };
  if (d.payRange && result.fields.budgetRange === undefined) {
    const c = coerceField("budgetRange", { min: d.payRange.min, max: d.payRange.max });
    if (c.ok) result.fields.budgetRange = c.value as { min: number; max: number };
  }
  const parserWarnings = (parsed.warnings ?? []).filter((w): w is string => typeof w === "string");
  if (d.currency && d.currency.toUpperCase() !== "USD") {
    if (!parserWarnings.some((w) => w.includes(d.currency!)))
      result.warnings.push(
        `The description states pay in ${d.currency}; OpenTrain rates are in USD. Confirm the USD amount before publishing.`,
      );
    for (const key of ["pricePerHour", "pricePerLabel", "fixedPrice", "budgetRange"] as const) {
      if (result.fields[key] !== undefined && !result.lowConfidenceFields.some((l) => l.field === key)) {
        result.lowConfidenceFields.push({
          field: key,
          value: result.fields[key],
          reason: `stated in ${d.currency}, not USD`,
        });
      }
    }
  }
  if (d.deadline) result.warnings.push(`A deadline was mentioned (${d.deadline}); set projectDuration if it matters.`);
  result.warnings.push(...parserWarnings);
  return result;
}
