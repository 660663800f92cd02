import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import { JOB_IMPORT_FORMATS } from "@opentrain-ai/contract";
import { UsageError } from "../../errors.js";

/**
 * `jobs draft create --canonical-file` / `--import-file [--format]`: reads the file and builds
 * the `format` + payload body of POST /job-drafts, inferring the format when `--format` is absent.
 */

export type ImportFormat = (typeof JOB_IMPORT_FORMATS)[number];
/** Formats `--format` accepts (plain text has its own flags). */
export const FILE_FORMATS = ["opentrain_canonical", "schema_org_job_posting", "indeed_xml", "hr_xml"] as const;
export type FileFormat = (typeof FILE_FORMATS)[number];

/** The payload part of the create body. */
export type ImportBody =
  | { format: "opentrain_canonical"; job: Record<string, unknown> }
  | { format: "schema_org_job_posting"; jsonLd: Record<string, unknown> }
  | { format: "indeed_xml" | "hr_xml"; xml: string };

/** Extra top-level keys a wrapper file (`{format, job, externalId, …}`) may carry. */
export interface ImportExtras {
  externalId?: string;
  idempotencyKey?: string;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** HR-XML root elements (local names). */
const HR_XML_ROOTS = new Set(["positionopening", "jobpositionposting", "positionopenings", "jobpositionpostings"]);

/** Local name and start tag of the root element, skipping the declaration, comments and doctype. */
export function xmlRoot(xml: string): { name: string; tag: string } | null {
  const body = xml
    .replace(/^\uFEFF/, "")
    .replace(/<\?[\s\S]*?\?>/g, "")
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<!DOCTYPE[^>[]*(\[[\s\S]*?\])?\s*>/gi, "");
  const m = /<([A-Za-z_][\w.-]*(?::[\w.-]+)?)([^>]*)>/.exec(body);
  if (!m) return null;
  const name = m[1]!.includes(":") ? m[1]!.split(":")[1]! : m[1]!;
  return { name, tag: m[0] };
}

/** `indeed_xml` unless the root element or its namespace says HR-XML. */
export function xmlFlavour(xml: string): "indeed_xml" | "hr_xml" {
  const root = xmlRoot(xml);
  if (!root) return "indeed_xml";
  if (HR_XML_ROOTS.has(root.name.toLowerCase()) || /hr-xml\.org/i.test(root.tag)) return "hr_xml";
  return "indeed_xml";
}

const typeNames = (node: Obj): string[] => {
  const t = node["@type"];
  const list = Array.isArray(t) ? t : [t];
  return list.filter((x): x is string => typeof x === "string");
};

/** True for a schema.org JobPosting node (`@type` JobPosting, schema:JobPosting or the full IRI). */
export function isJobPosting(node: unknown): node is Obj {
  return isObj(node) && typeNames(node).some((t) => /(^|[/:#])JobPosting$/.test(t));
}

/** The JobPosting in a JSON-LD document: the object itself, an array item or a `@graph` node. */
export function findJobPosting(doc: unknown): Obj | null {
  if (isJobPosting(doc)) return doc;
  const context = isObj(doc) ? doc["@context"] : undefined;
  const nodes = Array.isArray(doc) ? doc : isObj(doc) && Array.isArray(doc["@graph"]) ? doc["@graph"] : [];
  const found = nodes.find(isJobPosting);
  if (!found) return null;
  return context !== undefined && found["@context"] === undefined ? { "@context": context, ...found } : found;
}

function looksLikeXml(path: string, text: string): boolean {
  return extname(path).toLowerCase() === ".xml" || text.startsWith("<");
}

function parseJson(path: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new UsageError(`${path} is not valid JSON: ${(err as Error).message}`);
  }
}

function extrasOf(wrapper: Obj): ImportExtras {
  const out: ImportExtras = {};
  if (typeof wrapper.externalId === "string") out.externalId = wrapper.externalId;
  if (typeof wrapper.idempotencyKey === "string") out.idempotencyKey = wrapper.idempotencyKey;
  return out;
}

/**
 * A file that is already a create body (`{"format": …, "job" | "jsonLd" | "xml": …}`), or a
 * source object (`{"type": …}` without `@type`): its payload, format and extras.
 */
function fromWrapper(path: string, doc: Obj): { body: ImportBody; extras: ImportExtras } | null {
  const format = typeof doc.format === "string" ? doc.format : undefined;
  if (!format) return null;
  if (!(FILE_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(
      `${path} says format "${format}"; a file import takes ${FILE_FORMATS.join(", ")} (plain text: --description-file)`,
    );
  }
  return { body: bodyFor(path, format as FileFormat, doc.job ?? doc.jsonLd ?? doc.xml), extras: extrasOf(doc) };
}

/** The create body for `payload` in `format`, checking the payload has the right kind. */
function bodyFor(path: string, format: FileFormat, payload: unknown): ImportBody {
  if (format === "indeed_xml" || format === "hr_xml") {
    if (typeof payload !== "string") throw new UsageError(`${path}: ${format} needs XML text`);
    return { format, xml: payload };
  }
  if (format === "schema_org_job_posting") {
    const node = findJobPosting(payload) ?? (isObj(payload) ? payload : null);
    if (!node) throw new UsageError(`${path}: schema_org_job_posting needs a JSON-LD object`);
    return { format, jsonLd: node };
  }
  if (!isObj(payload)) throw new UsageError(`${path}: opentrain_canonical needs a JSON object`);
  return { format, job: payload };
}

/**
 * The format of an import file: `--format` when given, else `.xml` / XML content → indeed_xml
 * (hr_xml when the root is an HR-XML PositionOpening or in the HR-XML namespace), JSON with
 * `@type: JobPosting` → schema_org_job_posting, a create body (`{"format": …}`) → its format.
 */
export function importBody(
  path: string,
  content: string,
  format?: FileFormat,
): { body: ImportBody; extras: ImportExtras; inferred: boolean } {
  const text = content.replace(/^\uFEFF/, "").trim();
  if (text === "") throw new UsageError(`${path} is empty`);
  if (format) {
    if (format === "indeed_xml" || format === "hr_xml")
      return { body: bodyFor(path, format, text), extras: {}, inferred: false };
    const doc = parseJson(path, text);
    const wrapped = isObj(doc) ? fromWrapper(path, doc) : null;
    if (wrapped && wrapped.body.format === format) return { ...wrapped, inferred: false };
    return { body: bodyFor(path, format, doc), extras: {}, inferred: false };
  }
  if (looksLikeXml(path, text)) return { body: bodyFor(path, xmlFlavour(text), text), extras: {}, inferred: true };
  const doc = parseJson(path, text);
  const posting = findJobPosting(doc);
  if (posting) return { body: { format: "schema_org_job_posting", jsonLd: posting }, extras: {}, inferred: true };
  const wrapped = isObj(doc) ? fromWrapper(path, doc) : null;
  if (wrapped) return { ...wrapped, inferred: true };
  throw new UsageError(
    `cannot tell the format of ${path}: it is JSON without "@type": "JobPosting". Pass --format ` +
      `${FILE_FORMATS.join("|")}, or use --canonical-file for an OpenTrain canonical job`,
  );
}

/**
 * `--canonical-file`: the canonical job object, either bare or wrapped as a create body
 * (`{"format": "opentrain_canonical", "job": {…}, "externalId": …}`).
 */
export function canonicalBody(path: string, content: string): { body: ImportBody; extras: ImportExtras } {
  const text = content.replace(/^\uFEFF/, "").trim();
  if (text === "") throw new UsageError(`${path} is empty`);
  if (text.startsWith("<")) throw new UsageError(`${path} is XML; import it with --import-file`);
  const doc = parseJson(path, text);
  if (!isObj(doc)) throw new UsageError(`${path} must hold a JSON object (the OpenTrain canonical job)`);
  if (isJobPosting(doc)) {
    throw new UsageError(`${path} is a schema.org JobPosting; import it with --import-file`);
  }
  const wrapped = fromWrapper(path, doc);
  if (wrapped) {
    if (wrapped.body.format !== "opentrain_canonical") {
      throw new UsageError(`${path} is a ${wrapped.body.format} payload; import it with --import-file`);
    }
    return wrapped;
  }
  return { body: { format: "opentrain_canonical", job: doc }, extras: {} };
}

/** Reads a file (`-` = stdin) as UTF-8, or a usage error naming it. */
export async function readText(path: string, readStdin: () => Promise<string>): Promise<string> {
  try {
    return path === "-" ? await readStdin() : await readFile(path, "utf8");
  } catch (err) {
    throw new UsageError(`cannot read ${path}: ${(err as Error).message}`);
  }
}
