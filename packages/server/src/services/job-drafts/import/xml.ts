import { XMLParser, XMLValidator } from "fast-xml-parser";
import { badRequest } from "../../../errors.js";
import { fillGaps, setImported } from "./coerce.js";
import { applyPay } from "./pay.js";
import { countryCode, parseSalaryText, toNumber, type SalaryText } from "./text-utils.js";
import { importText } from "./text.js";
import { emptyImport, previewValue, type ImportResult } from "./types.js";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** Parses feed XML; no DTDs (so no entity expansion or external entities), errors name the line. */
export function parseFeedXml(xml: string, format: string): Obj {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) {
    throw badRequest(`The ${format} payload must not contain a DOCTYPE or entity declarations.`, {
      reason: "invalid_import",
      field: "xml",
    });
  }
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw badRequest(`The ${format} payload is not well-formed XML: ${valid.err.msg} (line ${valid.err.line}).`, {
      reason: "invalid_import",
      field: "xml",
      line: valid.err.line,
      column: valid.err.col,
    });
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@",
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    processEntities: true,
    htmlEntities: true,
    ignoreDeclaration: true,
    ignorePiTags: true,
    textNodeName: "#text",
  });
  const doc = parser.parse(xml) as unknown;
  if (!isObj(doc) || Object.keys(doc).length === 0) {
    throw badRequest(`The ${format} payload has no root element.`, { reason: "invalid_import", field: "xml" });
  }
  return doc;
}

interface Leaf {
  path: string;
  /** Local element (or `@attribute`) name. */
  name: string;
  value: string;
}

/** Every text leaf of a parsed tree with its dotted path; attributes appear as `elem.@attr`. */
function leavesOf(node: unknown, path: string, name: string, out: Leaf[]): Leaf[] {
  if (Array.isArray(node)) {
    node.forEach((item, i) => leavesOf(item, `${path}[${i}]`, name, out));
  } else if (isObj(node)) {
    for (const [k, v] of Object.entries(node)) {
      if (k === "#text") out.push({ path, name, value: String(v) });
      else leavesOf(v, `${path}.${k}`, k, out);
    }
  } else if (node !== undefined && node !== null && String(node) !== "") {
    out.push({ path, name, value: String(node) });
  }
  return out;
}

/** Picks leaves by local name (case-insensitive) and remembers which ones were used. */
class Leaves {
  readonly used = new Set<string>();
  constructor(readonly all: Leaf[]) {}

  first(...names: string[]): Leaf | undefined {
    const wanted = names.map((n) => n.toLowerCase());
    for (const n of wanted) {
      const leaf = this.all.find((l) => l.name.toLowerCase() === n && !this.used.has(l.path));
      if (leaf) {
        this.used.add(leaf.path);
        return leaf;
      }
    }
    return undefined;
  }

  every(...names: string[]): Leaf[] {
    const wanted = new Set(names.map((n) => n.toLowerCase()));
    const hits = this.all.filter((l) => wanted.has(l.name.toLowerCase()));
    for (const h of hits) this.used.add(h.path);
    return hits;
  }

  /** Leaves under `prefix` whose path was not consumed. */
  rest(): Leaf[] {
    return this.all.filter((l) => !this.used.has(l.path));
  }
}

function reportRest(result: ImportResult, leaves: Leaves): void {
  const rest = leaves.rest();
  for (const leaf of rest.slice(0, 50)) {
    result.unmappedFields.push({
      path: leaf.path,
      reason: "no matching job field",
      valuePreview: previewValue(leaf.value),
    });
  }
  if (rest.length > 50) result.warnings.push(`${rest.length - 50} more unmapped XML values are not listed.`);
}

function finish(result: ImportResult): ImportResult {
  if (typeof result.fields.jobDescription === "string") {
    fillGaps(result, importText(result.fields.jobDescription, { title: result.fields.jobTitle }));
  }
  return result;
}

/** An Indeed XML feed (`<source><job>…</job></source>`) or a single `<job>`; the first job is imported. */
export function importIndeedXml(xml: string): ImportResult {
  const doc = parseFeedXml(xml, "indeed_xml");
  const root = isObj(doc.source) ? doc.source : doc;
  const jobsNode = root.job;
  if (jobsNode === undefined) {
    throw badRequest("indeed_xml needs a <job> element (inside <source> for a feed).", {
      reason: "invalid_import",
      field: "xml",
    });
  }
  const result = emptyImport();
  const list = Array.isArray(jobsNode) ? jobsNode : [jobsNode];
  if (list.length > 1) result.warnings.push(`The feed holds ${list.length} jobs; only the first was imported.`);
  const leaves = new Leaves(leavesOf(list[0], "job", "job", []));
  const title = leaves.first("title");
  if (title) setImported(result, "jobTitle", title.value, title.path);
  const description = leaves.first("description");
  if (description) setImported(result, "jobDescription", description.value, description.path);
  const salary = leaves.first("salary");
  if (salary) applyPay(result, parseSalaryText(salary.value), salary.path, salary.value);
  const countries = leaves.every("country");
  const codes = countries.map((c) => countryCode(c.value)).filter((c): c is string => c !== null);
  if (codes.length > 0) setImported(result, "countries", codes, countries[0]!.path);
  const ref = leaves.first("referencenumber", "requisitionid");
  if (ref) result.externalIdCandidate = ref.value;
  const experience = leaves.first("experience");
  if (experience) setImported(result, "experienceLevel", experience.value, experience.path);
  const category = leaves.first("category");
  if (category) result.hints.category = category.value;
  const language = leaves.every("language");
  if (language.length > 0)
    setImported(
      result,
      "languages",
      language.map((l) => l.value),
      language[0]!.path,
    );
  const openings = leaves.first("openings", "numberofopenings");
  if (openings) setImported(result, "headcount", openings.value, openings.path);
  const company = leaves.first("company");
  if (company) {
    result.unmappedFields.push({
      path: company.path,
      reason: "companyName comes from your OpenTrain account",
      valuePreview: previewValue(company.value),
    });
  }
  reportRest(result, leaves);
  return finish(result);
}

const HOURLY = /^(hour|hourly|hr|perhour|h)$/i;

/** An HR-XML PositionOpening (or JobPositionPosting) document. */
export function importHrXml(xml: string): ImportResult {
  const doc = parseFeedXml(xml, "hr_xml");
  const rootName = Object.keys(doc)[0]!;
  const leaves = new Leaves(leavesOf(doc[rootName], rootName, rootName, []));
  const result = emptyImport();
  const title = leaves.first("PositionTitle", "JobTitle", "PositionName", "Title");
  if (title) setImported(result, "jobTitle", title.value, title.path);
  const descriptions = leaves.every("Value", "PositionDescription", "JobDescription", "Description");
  const descText = descriptions.map((d) => d.value).join("\n\n");
  if (descText) setImported(result, "jobDescription", descText, descriptions[0]!.path);

  const min = leaves.first("BasePayAmountMin", "MinimumAmount");
  const max = leaves.first("BasePayAmountMax", "MaximumAmount");
  const amount = leaves.first("BasePayAmount", "Amount");
  const interval = leaves.first("BasePayInterval", "IntervalCode", "Interval", "timeInterval", "@timeInterval");
  const currency = leaves.first("@currencyID", "@currency", "@currencyCode", "CurrencyCode");
  if (min || max || amount) {
    const intervalText = interval?.value ?? "";
    const pay: SalaryText = {
      paymentType: HOURLY.test(intervalText.replace(/\s/g, ""))
        ? "PAY_PER_HOUR"
        : /label|item|piece|task/i.test(intervalText)
          ? "PAY_PER_LABEL"
          : /project|fixed|total/i.test(intervalText)
            ? "FIXED_PRICE"
            : undefined,
      amount: toNumber(amount?.value ?? min?.value ?? max?.value) ?? undefined,
      min: min ? (toNumber(min.value) ?? undefined) : undefined,
      max: max ? (toNumber(max.value) ?? undefined) : undefined,
      currency: currency?.value.toUpperCase(),
    };
    applyPay(result, pay, (amount ?? min ?? max)!.path, { interval: intervalText || null, amount: pay.amount });
  }
  const countries = leaves.every("CountryCode");
  const codes = countries.map((c) => countryCode(c.value)).filter((c): c is string => c !== null);
  if (codes.length > 0) setImported(result, "countries", [...new Set(codes)], countries[0]!.path);
  const headcount = leaves.first("NumberToFill", "NumberOfPositions", "PositionOpeningCount");
  if (headcount) setImported(result, "headcount", headcount.value, headcount.path);
  const languages = leaves.every("LanguageCode", "Language");
  if (languages.length > 0)
    setImported(
      result,
      "languages",
      languages.map((l) => l.value),
      languages[0]!.path,
    );
  const id = leaves.first("IdValue", "PositionID", "DocumentID", "ID");
  if (id) result.externalIdCandidate = id.value;
  reportRest(result, leaves);
  return finish(result);
}
