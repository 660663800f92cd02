import { formatPay as formatPayLabel } from "@opentrain-ai/contract";
import type { IO } from "../../io.js";
import { text } from "../../output/format.js";
import { renderPairs, renderTable } from "../../output/table.js";
import { valuePlaceholder } from "./fields.js";

/** Human layouts of the jobs commands. */

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const strings = (v: unknown): string[] => arr(v).filter((s): s is string => typeof s === "string");

/** A word for the shell: bare when safe, else single-quoted. */
export function shellQuote(word: string): string {
  if (/^[\w@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** `opentrain <words…>` with each word quoted as needed. */
export function command(words: (string | undefined | false)[]): string {
  return ["opentrain", ...words.filter((w): w is string => typeof w === "string" && w !== "").map(shellQuote)].join(
    " ",
  );
}

/** The question of a gap without its `ask: ` prefix and without the enum list the CLI prints itself. */
export function question(gap: Obj): string {
  let q = (str(gap.prompt) ?? str(gap.message) ?? `Set ${str(gap.field) ?? "this field"}.`).replace(/^ask:\s*/i, "");
  const values = strings(gap.enumValues);
  if (values.length > 0) {
    const suffix = ` (${values.join(", ")})`;
    if (q.endsWith(suffix)) q = q.slice(0, -suffix.length);
  }
  return q;
}

/** `(experienceLevel: EXPERT | ENTRY_LEVEL | …)` or `(pricePerLabel: number, e.g. 0.05)`. */
function expected(gap: Obj): string {
  const keys = strings(gap.updateKeys);
  const name = keys.length > 0 ? keys.join(", ") : (str(gap.field) ?? "?");
  const values = strings(gap.enumValues);
  if (values.length > 0) return `(${name}: ${values.join(" | ")})`;
  const type = str(gap.type);
  const example = str(gap.example);
  return `(${name}${type ? `: ${type}` : ""}${example ? `, e.g. ${example}` : ""})`;
}

/**
 * Numbered questions for the gaps (missing fields, then other issues), each followed by the
 * exact command that answers it: `opentrain <verb…> <jobId> --set key=<value>`.
 */
export function gapLines(jobId: string, gaps: Obj[], verb: string[] = ["jobs", "draft", "update"]): string[] {
  const lines: string[] = [];
  gaps.forEach((gap, i) => {
    const n = `${i + 1}. `;
    const pad = " ".repeat(n.length + 2);
    lines.push(`  ${n}${question(gap)} ${expected(gap)}`);
    const code = str(gap.code);
    if (code && code !== "missing_required_field" && str(gap.message)) lines.push(`${pad}${str(gap.message)}`);
    const hint = str(gap.hint);
    if (hint) lines.push(`${pad}Hint: ${hint}`);
    const keys = strings(gap.updateKeys);
    const sets = (keys.length > 0 ? keys : [str(gap.field) ?? "field"]).map((k) => `--set ${k}=${valuePlaceholder(k)}`);
    lines.push(`${pad}${command([...verb, jobId])} ${sets.join(" ")}`);
  });
  return lines;
}

/** The gaps of a draft report: detailed missing fields (or the names), then `validation.issues`. */
export function gapsOf(body: Obj): Obj[] {
  const validation = isObj(body.validation) ? body.validation : {};
  const detailed = arr(body.missingFields).filter(isObj);
  const missing =
    detailed.length > 0
      ? detailed
      : strings(validation.missingFields).map((field) => ({ field, updateKeys: [field], prompt: `Set ${field}.` }));
  return [...missing, ...arr(validation.issues).filter(isObj)];
}

function describeLowConfidence(entry: Obj): string {
  const value = entry.value === undefined ? "" : ` = ${text(entry.value)}`;
  const confidence = typeof entry.confidence === "number" ? ` (confidence ${entry.confidence})` : "";
  const reason = str(entry.reason) ? ` — ${str(entry.reason)}` : "";
  return `${str(entry.field) ?? "?"}${value}${confidence}${reason}`;
}

/** Draft create/update answer: id, status, readiness, each gap as a question with its command, notes. */
export function renderDraftReport(body: Obj, opts: { created: boolean; replayed?: boolean }): string {
  const jobId = str(body.jobId) ?? "?";
  const validation = isObj(body.validation) ? body.validation : {};
  const ready = validation.publishReady === true;
  const gaps = gapsOf(body);
  const out: string[] = [];
  const head = opts.created
    ? opts.replayed
      ? `Draft ${jobId} already exists for this idempotency key (nothing new was created).`
      : `Created draft ${jobId}.`
    : `Updated draft ${jobId}.`;
  out.push(head, "");
  out.push(
    renderPairs([
      ["Job ID", jobId],
      ["Status", str(body.status) ?? "DRAFT"],
      [
        "Ready to publish",
        ready ? "yes" : `no (${gaps.length} ${gaps.length === 1 ? "question" : "questions"} to answer)`,
      ],
      ...(str(body.draftUrl) ? ([["Draft", str(body.draftUrl)!]] as [string, string][]) : []),
    ]).trimEnd(),
  );
  if (gaps.length > 0) {
    out.push("", "Missing fields (ask your human, then run the command under each question):");
    out.push(...gapLines(jobId, gaps));
  }
  const warnings = strings(body.warnings);
  if (warnings.length > 0) out.push("", "Warnings:", ...warnings.map((w) => `  - ${w}`));
  const low = arr(body.lowConfidenceFields).filter(isObj);
  if (low.length > 0) {
    out.push(
      "",
      "Low-confidence fields (check these with your human):",
      ...low.map((l) => `  - ${describeLowConfidence(l)}`),
    );
  }
  const unmapped = arr(body.unmappedFields).filter(isObj);
  if (unmapped.length > 0) {
    out.push(
      "",
      "Not imported:",
      ...unmapped.map(
        (u) =>
          `  - ${str(u.path) ?? "?"}${str(u.valuePreview) ? ` (${str(u.valuePreview)})` : ""}: ${str(u.reason) ?? ""}`,
      ),
    );
  }
  out.push("");
  if (ready) out.push(`Next step: ${command(["jobs", "publish", jobId])}`);
  else out.push(`Next step: answer the questions above, then ${command(["jobs", "publish", jobId])}`);
  return `${out.join("\n")}\n`;
}

/** Pay of a public job (the contract's shared formatter), "-" when unknown. */
export function formatPay(pay: unknown): string {
  return formatPayLabel(pay) ?? "-";
}

/** `jobs list`: ID, STATUS, TITLE, PROPOSALS, UPDATED. */
export function renderMyJobs(io: IO, jobs: Obj[]): string {
  return renderTable(io, {
    headers: ["ID", "STATUS", "TITLE", "PROPOSALS", "UPDATED"],
    rows: jobs.map((j) => {
      const counts = isObj(j.proposalCounts) ? j.proposalCounts : {};
      const total = typeof counts.total === "number" ? counts.total : 0;
      const fresh = typeof counts.unreviewed === "number" ? counts.unreviewed : 0;
      return [
        str(j.id) ?? "-",
        str(j.status) ?? "-",
        str(j.title) ?? "-",
        `${total}${fresh > 0 ? ` (${fresh} new)` : ""}`,
        str(j.updatedAt) ?? "-",
      ];
    }),
  });
}

/** `jobs search`: ID, TITLE, CATEGORY, PAY, LANGUAGES. */
export function renderPublicJobs(io: IO, jobs: Obj[]): string {
  return renderTable(io, {
    headers: ["ID", "TITLE", "CATEGORY", "PAY", "LANGUAGES"],
    rows: jobs.map((j) => [
      str(j.id) ?? "-",
      str(j.title) ?? "-",
      str(j.category) ?? "-",
      formatPay(j.pay),
      text(strings(j.languages)),
    ]),
  });
}

/** Moderation reasons and fixes from an error's details. */
export function moderationLines(details: Obj): string[] {
  const reasons = strings(details.reasons);
  const findings = arr(details.findings).filter(isObj);
  const fixes = strings(details.fix);
  const fixList = fixes.length > 0 ? fixes : findings.map((f) => str(f.fix)).filter((f): f is string => Boolean(f));
  const out: string[] = [];
  if (reasons.length > 0) out.push("Reasons:", ...reasons.map((r) => `  - ${r}`));
  if (fixList.length > 0) out.push("What to fix:", ...fixList.map((f) => `  - ${f}`));
  return out;
}

/** Fields a moderation finding names, for the suggested `--set` command. */
export function flaggedFields(details: Obj): string[] {
  const fields = arr(details.findings)
    .filter(isObj)
    .map((f) => str(f.field))
    .filter((f): f is string => Boolean(f));
  return [...new Set(fields.length > 0 ? fields : ["jobDescription"])];
}
