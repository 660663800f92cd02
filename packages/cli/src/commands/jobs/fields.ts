import { readFile } from "node:fs/promises";
import { JOB_FIELDS, type JobFieldKey, type JobFieldSpec } from "@opentrain-ai/contract";
import { UsageError } from "../../errors.js";

/**
 * `--set key=value`, `--set-file key=<path>` and `--patch-file <json>` → the body of
 * PATCH /job-drafts/{jobId} and PATCH /jobs/{jobId}. Values are typed by the field catalog
 * (`JOB_FIELDS`): numbers, enums in any case, comma-separated lists, `min-max` ranges, and
 * `null` to clear a field.
 */

const KEYS = Object.keys(JOB_FIELDS) as JobFieldKey[];

const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, "");

/** Levenshtein distance (small strings only). */
function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

/** Known keys that look like `name` (typos, partial names), closest first, at most three. */
export function closeMatches(name: string, keys: readonly string[] = KEYS): string[] {
  const n = squash(name);
  if (!n) return [];
  const scored = keys
    .map((k) => {
      const s = squash(k);
      const d = distance(n, s);
      // A (possibly misspelt) beginning of the key: "experiance" → experienceLevel.
      const prefix = n.length >= 4 && distance(n, s.slice(0, n.length)) <= Math.max(1, Math.floor(n.length / 4));
      const related = s.includes(n) || n.includes(s) || prefix;
      return { k, score: related ? Math.min(d, 1) : d, ok: related || d <= Math.max(2, Math.floor(s.length / 3)) };
    })
    .filter((x) => x.ok)
    .sort((a, b) => a.score - b.score);
  return scored.slice(0, 3).map((x) => x.k);
}

/**
 * The catalog key for `name`: exact, or the same letters in another case or spelling
 * (`experience-level`, `EXPERIENCE_LEVEL`). Unknown names are a usage error naming close matches.
 */
export function resolveFieldKey(name: string, source = "--set"): JobFieldKey {
  const trimmed = name.trim();
  if ((KEYS as string[]).includes(trimmed)) return trimmed as JobFieldKey;
  const found = KEYS.find((k) => squash(k) === squash(trimmed));
  if (found) return found;
  const close = closeMatches(trimmed);
  const hint = close.length ? `did you mean ${close.join(", ")}?` : `the fields are ${KEYS.join(", ")}`;
  throw new UsageError(`unknown field "${trimmed}" in ${source}; ${hint} (see "opentrain jobs draft update --help")`);
}

const enumKey = (s: string) =>
  s
    .trim()
    .toUpperCase()
    .replace(/[\s_-]+/g, "_");

/** The canonical enum value for `text` in any case, with spaces, dashes or underscores. */
export function normalizeEnum(key: string, spec: JobFieldSpec, text: string): string {
  const values = spec.enumValues ?? [];
  const want = enumKey(text);
  const found = values.find((v) => v === text.trim()) ?? values.find((v) => enumKey(v) === want);
  if (found === undefined) {
    throw new UsageError(`${key}: "${text}" is not allowed; use one of ${values.join(", ")}`);
  }
  return found;
}

/** `15`, `$15`, `20,000`, `0.05` → a number; anything else is a usage error. */
export function parseNumberValue(key: string, text: string, integer: boolean): number {
  let t = text.trim().replace(/^\$\s*/, "");
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) t = t.replace(/,/g, "");
  const n = t === "" ? NaN : Number(t);
  if (!Number.isFinite(n)) throw new UsageError(`${key}: "${text}" is not a number`);
  if (integer && !Number.isInteger(n)) throw new UsageError(`${key}: "${text}" is not a whole number`);
  return n;
}

function parseJsonValue(key: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new UsageError(`${key}: "${text}" is not valid JSON`);
  }
}

/** `15-20`, `$15 - $20`, `15–20` or a JSON object → `{ min, max }`. */
function parseRange(key: string, text: string): unknown {
  const t = text.trim();
  if (t.startsWith("{")) return parseJsonValue(key, t);
  const m = /^\$?\s*([\d.,]+)\s*(?:-|–|—|to|\.\.)\s*\$?\s*([\d.,]+)$/i.exec(t);
  if (!m) throw new UsageError(`${key}: "${text}" is not a range; use min-max (e.g. 15-20) or {"min":15,"max":20}`);
  return { min: parseNumberValue(key, m[1]!, false), max: parseNumberValue(key, m[2]!, false) };
}

/** A string value as the field's type wants it (`null` clears the field). */
export function parseFieldValue(key: JobFieldKey, text: string, label: string = key): unknown {
  const spec = JOB_FIELDS[key] as JobFieldSpec;
  if (text.trim() === "null") return null;
  switch (spec.type) {
    case "number":
      return parseNumberValue(label, text, false);
    case "integer":
      return parseNumberValue(label, text, true);
    case "enum":
      return normalizeEnum(label, spec, text);
    case "string[]": {
      const t = text.trim();
      if (t.startsWith("[")) {
        const v = parseJsonValue(label, t);
        if (!Array.isArray(v)) throw new UsageError(`${label}: expected a list`);
        return v;
      }
      return t
        .split(",")
        .map((s) => s.trim())
        .filter((s) => s !== "");
    }
    case "object":
      return key === "budgetRange" ? parseRange(label, text) : parseJsonValue(label, text);
    default:
      return text;
  }
}

/** Splits `key=value` (the value may contain `=`). */
export function splitPair(pair: string, flag: string): [string, string] {
  const eq = pair.indexOf("=");
  if (eq <= 0) throw new UsageError(`${flag} "${pair}": use ${flag} key=value`);
  return [pair.slice(0, eq), pair.slice(eq + 1)];
}

/** Enum strings in a patch file are normalised like `--set` values; other values pass as they are. */
function normalizePatchValue(key: JobFieldKey, value: unknown): unknown {
  const spec = JOB_FIELDS[key] as JobFieldSpec;
  if (spec.type === "enum" && typeof value === "string") return normalizeEnum(`--patch-file (${key})`, spec, value);
  return value;
}

/** Reads `--patch-file` (`-` = stdin): a JSON object keyed by field name. */
export async function readPatchFile(path: string, readStdin: () => Promise<string>): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = path === "-" ? await readStdin() : await readFile(path, "utf8");
  } catch (err) {
    throw new UsageError(`cannot read ${path}: ${(err as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new UsageError(`--patch-file ${path} is not valid JSON: ${(err as Error).message}`);
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) {
    throw new UsageError(`--patch-file ${path} must hold a JSON object of fields, e.g. {"experienceLevel": "EXPERT"}`);
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const key = resolveFieldKey(k, "--patch-file");
    out[key] = normalizePatchValue(key, v);
  }
  return out;
}

/** Which flag set each field, so validation messages can point at it. */
export type PatchSources = Partial<Record<JobFieldKey, string>>;

export interface PatchOptions {
  set?: readonly string[];
  setFile?: readonly string[];
  patchFile?: string;
  readStdin?: () => Promise<string>;
}

/**
 * Builds the patch: the patch file first, then `--set-file`, then `--set` (later wins). The
 * same key twice in `--set` with different values is a usage error.
 */
export async function buildPatch(
  opts: PatchOptions,
): Promise<{ patch: Record<string, unknown>; sources: PatchSources }> {
  const patch: Record<string, unknown> = {};
  const sources: PatchSources = {};
  const readStdin = opts.readStdin ?? (async () => "");
  if (opts.patchFile) {
    for (const [k, v] of Object.entries(await readPatchFile(opts.patchFile, readStdin))) {
      patch[k] = v;
      sources[k as JobFieldKey] = `--patch-file (${k})`;
    }
  }
  const seen = new Map<JobFieldKey, unknown>();
  const apply = (key: JobFieldKey, value: unknown, source: string) => {
    if (seen.has(key) && JSON.stringify(seen.get(key)) !== JSON.stringify(value)) {
      throw new UsageError(`${key} is set twice with different values; give it once`);
    }
    seen.set(key, value);
    patch[key] = value;
    sources[key] = source;
  };
  for (const pair of opts.setFile ?? []) {
    const [name, path] = splitPair(pair, "--set-file");
    const key = resolveFieldKey(name, "--set-file");
    let text: string;
    try {
      text = path === "-" ? await readStdin() : await readFile(path, "utf8");
    } catch (err) {
      throw new UsageError(`cannot read ${path}: ${(err as Error).message}`);
    }
    apply(key, parseFieldValue(key, text.replace(/\r?\n$/, ""), `--set-file ${key}`), `--set-file ${key}`);
  }
  for (const pair of opts.set ?? []) {
    const [name, value] = splitPair(pair, "--set");
    const key = resolveFieldKey(name);
    apply(key, parseFieldValue(key, value, `--set ${key}`), `--set ${key}`);
  }
  return { patch, sources };
}

/** Placeholder for the value of `key` in a suggested command (`<value>`, `<number>`, `"<text>"`). */
export function valuePlaceholder(key: string): string {
  const spec = (JOB_FIELDS as Record<string, JobFieldSpec>)[key];
  switch (spec?.type) {
    case "enum":
      return "<value>";
    case "number":
    case "integer":
      return "<number>";
    case "string[]":
      return "<a,b>";
    case "object":
      return key === "budgetRange" ? "<min-max>" : "<json>";
    case "string":
    case "text":
      return '"<text>"';
    default:
      return "<value>";
  }
}

/** The field catalog as help text: one line per key with its type or allowed values. */
export function fieldsHelp(): string {
  const width = Math.max(...KEYS.map((k) => k.length)) + 2;
  const lines = KEYS.map((k) => {
    const spec = JOB_FIELDS[k] as JobFieldSpec;
    const kind = spec.enumValues
      ? spec.enumValues.join(" | ")
      : spec.type === "object"
        ? "min-max or JSON"
        : spec.type === "string[]"
          ? "list, comma-separated"
          : spec.type === "string"
            ? "text"
            : spec.type;
    return `  ${k.padEnd(width)}${kind}`;
  });
  return lines.join("\n");
}
