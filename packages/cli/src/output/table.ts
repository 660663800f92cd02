import type { IO } from "../io.js";

/** A table as header names and rows of cell text. */
export interface Table {
  headers: string[];
  rows: string[][];
}

const MAX_CELL = 60;

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`;
}

/**
 * Renders a table. On a terminal: aligned columns, long cells shortened. Piped: one
 * tab-separated line per row with full values, so `cut`/`awk` work (like gh).
 */
export function renderTable(io: IO, table: Table, opts: { indent?: string } = {}): string {
  const indent = opts.indent ?? "";
  const clean = (s: string) => s.replace(/[\t\r\n]+/g, " ");
  if (!io.stdoutIsTTY) {
    return [table.headers, ...table.rows].map((r) => indent + r.map(clean).join("\t")).join("\n") + "\n";
  }
  const rows = table.rows.map((r) => r.map((c) => truncate(clean(c), MAX_CELL)));
  const widths = table.headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[], style?: (s: string) => string) =>
    indent +
    cells
      .map((c, i) => {
        const padded = i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0);
        return style ? style(padded) : padded;
      })
      .join("  ")
      .trimEnd();
  return [line(table.headers, (s) => io.bold(s)), ...rows.map((r) => line(r))].join("\n") + "\n";
}

/** Renders `label: value` lines with the values aligned. */
export function renderPairs(pairs: [string, string][], indent = ""): string {
  const width = Math.max(0, ...pairs.map(([k]) => k.length)) + 1;
  return pairs.map(([k, v]) => `${indent}${`${k}:`.padEnd(width)}  ${v}`).join("\n") + (pairs.length ? "\n" : "");
}
