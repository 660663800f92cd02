import { JOB_FIELDS, type JobFieldKey } from "@opentrain-ai/contract";
import { canonicalLanguages } from "../../jobs/languages.js";
import { countryCode, htmlToText, toNumber } from "./text-utils.js";
import { previewValue, type ImportResult } from "./types.js";

const ENUM_SYNONYMS: Partial<Record<JobFieldKey, [RegExp, string][]>> = {
  paymentType: [
    [/hour|hourly|per_hour|time/i, "PAY_PER_HOUR"],
    [/label|piece|per[_ ]?(task|item|unit)|annotation/i, "PAY_PER_LABEL"],
    [/fixed|flat|project|lump/i, "FIXED_PRICE"],
  ],
  experienceLevel: [
    [/any|all|no experience required/i, "ANY_EXPERIENCE_LEVEL"],
    [/entry|beginner|junior|novice/i, "ENTRY_LEVEL"],
    [/intermediate|mid/i, "INTERMEDIATE"],
    [/expert|senior|advanced|specialist/i, "EXPERT"],
  ],
  dataVolumeUnit: [
    [/hour|recording|minute/i, "HOURS_OF_RECORDING_AUDIO_VIDEO"],
    [/word|token/i, "NUMBER_OF_WORDS"],
    [/file|image|item|document|clip|video|record/i, "NUMBER_OF_FILES"],
    [/unknown|unspecified|not specified/i, "UNKNOWN_NOT_SPECIFIED"],
  ],
  dataType: [
    [/^images?$|photo|picture/i, "Image"],
    [/video|footage/i, "Video"],
    [/audio|speech|voice/i, "Audio"],
    [/lidar|point ?cloud|3d|sensor|radar/i, "3D Sensor"],
    [/medical|clinical|radiolog|dicom|x-?ray/i, "Medical"],
    [/geo|satellite|aerial|map/i, "Geospatial"],
    [/code|program|software/i, "Code"],
    [/document|pdf|invoice|receipt|ocr/i, "Document"],
    [/multi-?modal/i, "Multimodal"],
    [/text|nlp|language|chat/i, "Text"],
  ],
  freelancerType: [
    [/individual|freelancer|independent/i, "INDIVIDUAL"],
    [/agency|team|company|vendor/i, "AGENCY"],
    [/any|either/i, "ANY"],
  ],
  visibility: [
    [/public|open|listed/i, "PUBLIC"],
    [/invite|private|unlisted/i, "INVITE_ONLY"],
  ],
};

/** Best effort: the imported value in the field's canonical form, before strict validation. */
function loosen(key: JobFieldKey, value: unknown): unknown {
  const spec = JOB_FIELDS[key];
  switch (spec.type) {
    case "number":
    case "integer": {
      const n = toNumber(value);
      return n === null ? value : spec.type === "integer" ? Math.round(n) : n;
    }
    case "enum": {
      if (typeof value !== "string") return value;
      const exact = spec.enumValues!.find(
        (v) =>
          v.toLowerCase() ===
          value
            .trim()
            .toLowerCase()
            .replace(/[\s-]+/g, "_"),
      );
      if (exact) return exact;
      const plain = spec.enumValues!.find((v) => v.toLowerCase() === value.trim().toLowerCase());
      if (plain) return plain;
      return ENUM_SYNONYMS[key]?.find(([re]) => re.test(value))?.[1] ?? value;
    }
    case "string[]": {
      const list = Array.isArray(value)
        ? value
        : typeof value === "string"
          ? value.split(/[,;|]/)
          : value === undefined || value === null
            ? []
            : [value];
      const strings = list
        .map((v) => (typeof v === "string" ? v.trim() : typeof v === "number" ? String(v) : ""))
        .filter(Boolean);
      if (key === "countries") return strings.map((c) => countryCode(c) ?? c);
      if (key === "languages") return canonicalLanguages(strings);
      return [...new Set(strings)];
    }
    case "string":
    case "text": {
      if (Array.isArray(value)) return value.filter((v) => typeof v === "string").join(", ");
      if (typeof value === "number") return String(value);
      if (typeof value === "string") {
        const text = spec.type === "text" ? htmlToText(value) : value.trim();
        return key === "jobDescription" ? text.slice(0, 60_000) : text;
      }
      return value;
    }
    default:
      return value;
  }
}

/** Imported value → validated field value, or the reason it cannot be used. */
export function coerceField(
  key: JobFieldKey,
  value: unknown,
): { ok: true; value: unknown } | { ok: false; reason: string } {
  const parsed = JOB_FIELDS[key].schema.safeParse(loosen(key, value));
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, reason: `invalid ${key}: ${issue?.message ?? "invalid value"}` };
}

/** Sets `key` from an imported value, or records it as unmapped under `path`. */
export function setImported(result: ImportResult, key: JobFieldKey, value: unknown, path: string): boolean {
  if (value === undefined || value === null || value === "") return false;
  const c = coerceField(key, value);
  if (c.ok) {
    (result.fields as Record<string, unknown>)[key] = c.value;
    return true;
  }
  result.unmappedFields.push({ path, reason: c.reason, valuePreview: previewValue(value) });
  return false;
}

/** Fills keys the structured payload left empty from the parser's reading of the description. */
export function fillGaps(target: ImportResult, fromText: ImportResult): void {
  const fields = target.fields as Record<string, unknown>;
  for (const [key, value] of Object.entries(fromText.fields as Record<string, unknown>)) {
    if (fields[key] !== undefined) continue;
    fields[key] = value;
    const low = fromText.lowConfidenceFields.find((l) => l.field === key);
    target.lowConfidenceFields.push(
      low ?? { field: key, value, reason: "read from the description text; confirm it with the human" },
    );
  }
  target.hints = { ...fromText.hints, ...stripEmpty(target.hints) };
}

function stripEmpty<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null)) as Partial<T>;
}
