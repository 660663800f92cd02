import { badRequest } from "../../../errors.js";
import { fillGaps, setImported } from "./coerce.js";
import { applyPay } from "./pay.js";
import { countryCode, toNumber, type SalaryText } from "./text-utils.js";
import { importText } from "./text.js";
import { emptyImport, previewValue, type ImportResult } from "./types.js";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);

/** Keys read for their content only through other keys, or pure JSON-LD plumbing. */
const PLUMBING = new Set(["@context", "@type", "@id"]);

const UNIT_TO_PAYMENT: Record<string, SalaryText["paymentType"]> = {
  HOUR: "PAY_PER_HOUR",
  HOURLY: "PAY_PER_HOUR",
  ITEM: "PAY_PER_LABEL",
  PIECE: "PAY_PER_LABEL",
  LABEL: "PAY_PER_LABEL",
  TASK: "PAY_PER_LABEL",
  PROJECT: "FIXED_PRICE",
  FIXED: "FIXED_PRICE",
};

/** schema.org `baseSalary` / `estimatedSalary` (MonetaryAmount, or a bare number). */
function readSalary(value: unknown): SalaryText {
  if (typeof value === "number" || typeof value === "string") return { amount: toNumber(value) ?? undefined };
  if (!isObj(value)) return {};
  const currency = typeof value.currency === "string" ? value.currency.toUpperCase() : undefined;
  const q = value.value;
  if (!isObj(q)) return { amount: toNumber(q) ?? undefined, currency };
  const unit = typeof q.unitText === "string" ? q.unitText.toUpperCase() : undefined;
  const min = toNumber(q.minValue) ?? undefined;
  const max = toNumber(q.maxValue) ?? undefined;
  const amount = toNumber(q.value) ?? min ?? max;
  return {
    paymentType: unit ? UNIT_TO_PAYMENT[unit] : undefined,
    amount: amount ?? undefined,
    min,
    max,
    currency,
  };
}

function experienceFrom(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (isObj(value)) {
    const months = toNumber(value.monthsOfExperience);
    if (months === null) return null;
    return months < 12 ? "ENTRY_LEVEL" : months < 36 ? "INTERMEDIATE" : "EXPERT";
  }
  return null;
}

/** A schema.org `JobPosting` (JSON-LD), `format: "schema_org_job_posting"`, payload `jsonLd`. */
export function importSchemaOrg(jsonLd: Obj): ImportResult {
  const types = asList(jsonLd["@type"]).map(String);
  if (types.length > 0 && !types.includes("JobPosting")) {
    throw badRequest(`jsonLd must be a schema.org JobPosting; got @type ${types.join(", ")}.`, {
      reason: "invalid_import",
      field: "jsonLd.@type",
    });
  }
  const result = emptyImport();
  const consumed = new Set<string>(PLUMBING);
  const take = (key: string) => {
    consumed.add(key);
    return jsonLd[key];
  };

  setImported(result, "jobTitle", take("title"), "jsonLd.title");
  setImported(result, "jobDescription", take("description"), "jsonLd.description");

  for (const key of ["baseSalary", "estimatedSalary"]) {
    const raw = take(key);
    if (raw === undefined || result.fields.paymentType) continue;
    const pay = readSalary(raw);
    if (pay.paymentType === undefined && pay.amount !== undefined) {
      const unit = isObj(raw) && isObj(raw.value) ? String(raw.value.unitText ?? "none") : "none";
      result.unmappedFields.push({
        path: `jsonLd.${key}`,
        reason: `salary unit ${unit} cannot be mapped: use HOUR (hourly), ITEM/PIECE (per label) or PROJECT (fixed)`,
        valuePreview: previewValue(raw),
      });
      continue;
    }
    applyPay(result, pay, `jsonLd.${key}`, raw);
  }

  const required = asList(take("applicantLocationRequirements"));
  const codes: string[] = [];
  for (const r of required) {
    const name = isObj(r) ? r.name : r;
    const code = typeof name === "string" ? countryCode(name) : null;
    if (code) codes.push(code);
    else
      result.unmappedFields.push({
        path: "jsonLd.applicantLocationRequirements",
        reason: "unknown country",
        valuePreview: previewValue(r),
      });
  }
  if (codes.length > 0) setImported(result, "countries", codes, "jsonLd.applicantLocationRequirements");

  const headcount = take("totalJobOpenings");
  setImported(result, "headcount", headcount, "jsonLd.totalJobOpenings");
  const experience = experienceFrom(take("experienceRequirements"));
  if (experience && setImported(result, "experienceLevel", experience, "jsonLd.experienceRequirements")) {
    result.lowConfidenceFields.push({
      field: "experienceLevel",
      value: result.fields.experienceLevel,
      reason: "derived from experienceRequirements",
    });
  }
  setImported(result, "timeRequirement", take("workHours"), "jsonLd.workHours");
  setImported(result, "subjectMatter", take("industry"), "jsonLd.industry");
  setImported(result, "languages", take("inLanguage") ?? take("availableLanguage"), "jsonLd.inLanguage");
  const skills = take("skills");
  if (skills !== undefined) {
    result.hints.skills = asList(skills).flatMap((s) => (typeof s === "string" ? s.split(/,\s*/) : []));
  }
  const identifier = take("identifier");
  const idValue = isObj(identifier) ? identifier.value : identifier;
  if (typeof idValue === "string" || typeof idValue === "number") result.externalIdCandidate = String(idValue);

  const employment = asList(take("employmentType")).map(String);
  if (employment.length > 0 && !employment.some((e) => /contract|freelance|temporary|part/i.test(e))) {
    result.warnings.push(
      `employmentType ${employment.join(", ")} is not used: OpenTrain jobs are contract work (CONTRACTOR).`,
    );
  }
  for (const [key, value] of Object.entries(jsonLd)) {
    if (consumed.has(key)) continue;
    result.unmappedFields.push({
      path: `jsonLd.${key}`,
      reason: "no matching job field",
      valuePreview: previewValue(value),
    });
  }
  if (typeof result.fields.jobDescription === "string") {
    fillGaps(result, importText(result.fields.jobDescription, { title: result.fields.jobTitle }));
  }
  return result;
}
