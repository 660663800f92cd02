import { RATE_KEY_FOR_PAYMENT_TYPE } from "@opentrain-ai/contract";
import { isUpdateKey } from "../../jobs/fields.js";
import { fillGaps, setImported } from "./coerce.js";
import { importText } from "./text.js";
import { emptyImport, previewValue, type ImportResult } from "./types.js";

/** Canonical keys that are not update keys but map onto one (spec 20 §6). */
const ALIASES: Record<string, string> = {
  title: "jobTitle",
  description: "jobDescription",
  tools: "labelingSoftware",
  tool: "labelingSoftware",
  software: "labelingSoftware",
  volume: "dataVolume",
  volumeUnit: "dataVolumeUnit",
  openings: "headcount",
};

/** The OpenTrain canonical job object (`format: "opentrain_canonical"`, payload `job`). */
export function importCanonical(job: Record<string, unknown>): ImportResult {
  const result = emptyImport();
  const fields = result.fields as Record<string, unknown>;
  let rateAmount: { value: unknown; path: string } | null = null;
  for (const [rawKey, value] of Object.entries(job)) {
    const path = `job.${rawKey}`;
    if (value === undefined || value === null) continue;
    if (rawKey === "rateAmount" || rawKey === "rate") {
      rateAmount = { value, path };
      continue;
    }
    if (rawKey === "skills") {
      result.hints.skills = (Array.isArray(value) ? value : [value]).filter((s): s is string => typeof s === "string");
      continue;
    }
    if (rawKey === "category" && typeof value === "string") {
      result.hints.category = value;
      continue;
    }
    if (rawKey === "currency" || rawKey === "rateCurrency") {
      if (typeof value === "string" && value.toUpperCase() !== "USD") {
        result.hints.currency = value.toUpperCase();
        result.warnings.push(`Rates are stated in ${value}; OpenTrain rates are in USD. Confirm the USD amount.`);
      }
      continue;
    }
    const key = ALIASES[rawKey] ?? rawKey;
    if (!isUpdateKey(key)) {
      result.unmappedFields.push({ path, reason: "not a canonical job key", valuePreview: previewValue(value) });
      continue;
    }
    if (key === "labelingSoftware" && Array.isArray(value) && value.length > 1) {
      result.warnings.push(`Several tools were listed (${value.join(", ")}); labelingSoftware keeps them as one text.`);
    }
    setImported(result, key, value, path);
  }
  if (rateAmount) {
    const type = fields.paymentType as keyof typeof RATE_KEY_FOR_PAYMENT_TYPE | undefined;
    if (!type) {
      result.unmappedFields.push({
        path: rateAmount.path,
        reason: "rateAmount needs paymentType to know which rate it is",
        valuePreview: previewValue(rateAmount.value),
      });
    } else if (fields[RATE_KEY_FOR_PAYMENT_TYPE[type]] === undefined) {
      setImported(result, RATE_KEY_FOR_PAYMENT_TYPE[type], rateAmount.value, rateAmount.path);
    }
  }
  if (result.hints.currency) {
    for (const key of ["pricePerHour", "pricePerLabel", "fixedPrice"] as const) {
      if (fields[key] !== undefined) {
        result.lowConfidenceFields.push({
          field: key,
          value: fields[key],
          reason: `stated in ${result.hints.currency}, not USD`,
        });
      }
    }
  }
  if (typeof result.fields.jobDescription === "string") {
    fillGaps(result, importText(result.fields.jobDescription, { title: result.fields.jobTitle }));
  }
  return result;
}
