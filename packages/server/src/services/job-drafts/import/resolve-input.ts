import type { InputOf, JOB_IMPORT_FORMATS, operations } from "@opentrain-ai/contract";
import { badRequest } from "../../../errors.js";
import { importCanonical } from "./canonical.js";
import { importSchemaOrg } from "./schema-org.js";
import { importText } from "./text.js";
import type { ImportResult } from "./types.js";
import { importHrXml, importIndeedXml } from "./xml.js";

export type CreateDraftInput = InputOf<typeof operations.jobDraftsCreate>;
export type ImportFormat = (typeof JOB_IMPORT_FORMATS)[number];

export const MAX_DESCRIPTION_CHARS = 60_000;

/** The one payload of a create request, whichever of the three body shapes carried it. */
export interface ResolvedDraftInput {
  format: ImportFormat;
  payload: string | Record<string, unknown>;
  externalId: string | null;
  idempotencyKey: string | null;
}

const PAYLOAD_KEY: Record<ImportFormat, "text" | "job" | "jsonLd" | "xml"> = {
  text: "text",
  opentrain_canonical: "job",
  schema_org_job_posting: "jsonLd",
  indeed_xml: "xml",
  hr_xml: "xml",
};

function pickOne(name: string, top: unknown, nested: unknown): string | null {
  const a = typeof top === "string" && top.trim() ? top.trim() : null;
  const b = typeof nested === "string" && nested.trim() ? nested.trim() : null;
  if (a && b && a !== b) {
    throw badRequest(`${name} is given twice with different values (top level and in source); send it once.`, {
      field: name,
    });
  }
  return a ?? b;
}

/**
 * Resolves the body shapes of POST /job-drafts (spec 20 §2.2): A `rawJobDescription`,
 * B `source: {type, text | job | jsonLd | xml}` (payload nested or top level), C `format` + payload.
 */
export function resolveDraftInput(input: CreateDraftInput): ResolvedDraftInput {
  const shapes = [
    input.rawJobDescription !== undefined ? "rawJobDescription" : null,
    input.source !== undefined ? "source" : null,
    input.format !== undefined ? "format" : null,
  ].filter(Boolean);
  if (shapes.length !== 1) {
    throw badRequest(`Send exactly one of rawJobDescription, source or format; got ${shapes.join(", ")}.`, {
      field: "body",
      reason: "invalid_import",
    });
  }
  const source = (input.source ?? {}) as Record<string, unknown>;
  const externalId = pickOne("externalId", input.externalId, source.externalId);
  const idempotencyKey = pickOne("idempotencyKey", input.idempotencyKey, source.idempotencyKey);
  if (input.rawJobDescription !== undefined) {
    return { format: "text", payload: input.rawJobDescription, externalId, idempotencyKey };
  }
  const format = (input.format ?? input.source?.type) as ImportFormat;
  const key = PAYLOAD_KEY[format];
  const where = input.source ? "source" : "body";
  const nested = key === "text" ? source.text : source[key];
  const top = key === "text" ? undefined : (input as Record<string, unknown>)[key];
  const payload = nested ?? top;
  if (key === "text") {
    if (typeof payload !== "string" || !payload.trim()) {
      throw badRequest('source.type "text" needs the description in source.text.', { field: "source.text" });
    }
    return { format, payload: payload.trim(), externalId, idempotencyKey };
  }
  if (payload === undefined) {
    throw badRequest(`format ${format} needs its payload in ${key} (top level or in source).`, {
      field: input.source ? `source.${key}` : key,
      reason: "invalid_import",
    });
  }
  if (
    key === "xml"
      ? typeof payload !== "string"
      : typeof payload !== "object" || payload === null || Array.isArray(payload)
  ) {
    throw badRequest(`${key} must be ${key === "xml" ? "XML text" : "a JSON object"} for format ${format}.`, {
      field: where === "source" ? `source.${key}` : key,
      reason: "invalid_import",
    });
  }
  return { format, payload: payload as string | Record<string, unknown>, externalId, idempotencyKey };
}

/** Runs the importer of the resolved format. */
export function runImport(resolved: ResolvedDraftInput): ImportResult {
  const p = resolved.payload;
  switch (resolved.format) {
    case "text":
      return importText(p as string);
    case "opentrain_canonical":
      return importCanonical(p as Record<string, unknown>);
    case "schema_org_job_posting":
      return importSchemaOrg(p as Record<string, unknown>);
    case "indeed_xml":
      return importIndeedXml(p as string);
    case "hr_xml":
      return importHrXml(p as string);
  }
}
