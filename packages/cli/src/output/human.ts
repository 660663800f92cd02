import type { IO } from "../io.js";
import { header, isObjectArray, isPlainObject, isScalar, text } from "./format.js";
import { renderPairs, renderTable, type Table } from "./table.js";

const MAX_COLUMNS = 8;

/** One level of nested objects becomes dotted keys (`candidate.name`), so tables stay flat. */
function flatten(item: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(item)) {
    if (isPlainObject(v)) {
      for (const [k2, v2] of Object.entries(v)) {
        if (isScalar(v2) || (Array.isArray(v2) && v2.every(isScalar))) out[`${k}.${k2}`] = v2;
      }
    } else if (isScalar(v) || (Array.isArray(v) && v.every(isScalar))) {
      out[k] = v;
    }
  }
  return out;
}

/** A table from a list of objects: `id` first, then the scalar fields in first-seen order. */
export function tableFromObjects(items: Record<string, unknown>[]): Table {
  const flat = items.map(flatten);
  const keys: string[] = [];
  for (const row of flat) for (const k of Object.keys(row)) if (!keys.includes(k)) keys.push(k);
  keys.sort((a, b) => (a === "id" ? -1 : b === "id" ? 1 : 0));
  const columns = keys.slice(0, MAX_COLUMNS);
  return { headers: columns.map(header), rows: flat.map((row) => columns.map((c) => text(row[c]))) };
}

/** Lines that tell the human what to do with well-known fields (approval and checkout links, one-time secrets). */
export function notes(value: unknown): string[] {
  if (!isPlainObject(value)) return [];
  const out: string[] = [];
  if (typeof value.approvalUrl === "string") {
    out.push(
      `Next: a signed-in human must confirm this in the OpenTrain app: ${value.approvalUrl}`,
      "No money moves until they do.",
    );
  }
  if (typeof value.checkoutUrl === "string") {
    out.push(`Next: a signed-in human pays at ${value.checkoutUrl}`);
  }
  if (typeof value.secret === "string") {
    out.push("Save the secret now: it is shown only once.");
  }
  return out;
}

function renderObject(io: IO, obj: Record<string, unknown>, indent: string): string {
  const pairs: [string, string][] = [];
  const sections: string[] = [];
  for (const [k, v] of Object.entries(obj)) {
    if (isObjectArray(v)) {
      sections.push(`${indent}${k}:\n${renderTable(io, tableFromObjects(v), { indent: `${indent}  ` })}`);
    } else if (isPlainObject(v) && Object.keys(v).length > 0) {
      sections.push(`${indent}${k}:\n${renderObject(io, v, `${indent}  `)}`);
    } else {
      pairs.push([k, text(v)]);
    }
  }
  return renderPairs(pairs, indent) + sections.join("");
}

/**
 * Generic human rendering of an API answer: a table for list answers (`{ items: [...],
 * nextCursor }`), aligned `key: value` lines for single objects, nested objects indented.
 */
export function renderHuman(io: IO, value: unknown): string {
  if (value === undefined || value === null || (isPlainObject(value) && Object.keys(value).length === 0)) {
    return "Done.\n";
  }
  if (isScalar(value)) return `${text(value)}\n`;
  if (Array.isArray(value)) {
    if (isObjectArray(value)) return renderTable(io, tableFromObjects(value));
    return value.length ? value.map((v) => `${text(v)}\n`).join("") : "(none)\n";
  }
  const obj = value as Record<string, unknown>;
  const entries = Object.entries(obj);
  const lists = entries.filter(([, v]) => Array.isArray(v) && (v.length === 0 || isObjectArray(v)));
  const rest = entries.filter(([, v]) => !Array.isArray(v));
  let out: string;
  if (lists.length === 1 && rest.every(([, v]) => isScalar(v))) {
    // A list answer: the table, then pagination and other scalars.
    const [key, items] = lists[0] as [string, Record<string, unknown>[]];
    out = items.length ? renderTable(io, tableFromObjects(items)) : `No ${key}.\n`;
    const tail = rest.filter(([, v]) => v !== null && v !== undefined);
    if (tail.length) out += `\n${renderPairs(tail.map(([k, v]) => [k, text(v)]))}`;
    if (typeof obj.nextCursor === "string" && obj.hasMore !== false) {
      out += `More results: repeat with --cursor ${obj.nextCursor}\n`;
    }
  } else {
    out = renderObject(io, obj, "");
  }
  const n = notes(value);
  return n.length ? `${out}\n${n.join("\n")}\n` : out;
}
