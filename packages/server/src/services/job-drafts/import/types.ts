import type { JobFields } from "@opentrain-ai/contract";

export interface UnmappedField {
  path: string;
  reason: string;
  valuePreview: string | null;
}

export interface LowConfidenceField {
  field: string;
  value?: unknown;
  confidence?: number;
  reason?: string;
}

export interface ImportHints {
  category?: string | null;
  skills?: string[];
  currency?: string | null;
  deadline?: string | null;
}

/** What an importer made of a payload: update-key fields plus everything it could not place. */
export interface ImportResult {
  fields: JobFields;
  warnings: string[];
  unmappedFields: UnmappedField[];
  lowConfidenceFields: LowConfidenceField[];
  hints: ImportHints;
  /** An id found in the payload (feed reference number), used when the caller sent no externalId. */
  externalIdCandidate?: string;
}

export function emptyImport(): ImportResult {
  return { fields: {}, warnings: [], unmappedFields: [], lowConfidenceFields: [], hints: {} };
}

/** Short text form of any value for `valuePreview`. */
export function previewValue(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  const s = typeof value === "string" ? value : JSON.stringify(value);
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}
