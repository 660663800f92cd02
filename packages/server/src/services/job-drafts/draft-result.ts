import type { DraftResult } from "@opentrain-ai/contract";
import type { Config } from "../../config.js";
import { fieldsOf, type JobRow } from "../jobs/fields.js";
import { draftUrl } from "../jobs/urls.js";
import { adviseJob, validateJob } from "../jobs/validation.js";

/** The create / draft-PATCH answer for a DRAFT row: validation, gaps, fields and import report. */
export function buildDraftResult(config: Pick<Config, "publicUrl">, row: JobRow): DraftResult {
  const fields = fieldsOf(row);
  const { validation, missingFields } = validateJob(fields);
  const report = row.importReport;
  const url = draftUrl(config, row.id);
  return {
    ok: true,
    jobId: row.id,
    status: "DRAFT",
    draftUrl: url,
    reviewUrl: url,
    validation,
    missingFields,
    normalizedFields: fields as Record<string, unknown>,
    warnings: [...new Set([...(report.warnings ?? []), ...adviseJob(fields)])],
    unmappedFields: report.unmappedFields ?? [],
    lowConfidenceFields: report.lowConfidenceFields ?? [],
  };
}
