import { formatPay as formatPayLabel } from "@opentrain-ai/contract";
import { list, obj, plural, str, type Json, type Summarizer } from "./types.js";

/**
 * Summaries of the job tools. The draft tools turn every gap into an `ask:` line (the question
 * to relay to the human) and a `set:` line (the patch keys, with the allowed values for enums),
 * so an agent never has to read the raw validation report to know what to ask.
 */

const strings = (v: unknown): string[] => list(v).filter((s): s is string => typeof s === "string");
const objects = (v: unknown): Json[] =>
  list(v)
    .map(obj)
    .filter((o): o is Json => o !== undefined);

/** `ask: …` with the server's prompt (prefixed when it lacks the marker). */
function askLine(gap: Json): string {
  const prompt = str(gap.prompt) ?? str(gap.message) ?? `What should ${str(gap.field) ?? "this field"} be?`;
  return /^ask:/i.test(prompt) ? prompt : `ask: ${prompt}`;
}

/** `set: experienceLevel — one of A | B (e.g. B)` / `set: pricePerLabel — number (e.g. 0.05)`. */
function setLine(gap: Json): string {
  const keys = strings(gap.updateKeys);
  const names = keys.length > 0 ? keys.join(", ") : (str(gap.field) ?? "?");
  const values = strings(gap.enumValues);
  const type = str(gap.type);
  const kind = values.length > 0 ? `one of ${values.join(" | ")}` : type ? type : "value";
  const example = str(gap.example);
  return `set: ${names} — ${kind}${example ? ` (e.g. ${example})` : ""}`;
}

/** Numbered `ask:` / `set:` (and `hint:`) lines for each gap. */
export function gapLines(gaps: Json[]): string[] {
  const out: string[] = [];
  gaps.forEach((gap, i) => {
    const n = `${i + 1}. `;
    const pad = " ".repeat(n.length);
    out.push(`${n}${askLine(gap)}`, `${pad}${setLine(gap)}`);
    const code = str(gap.code);
    if (code && code !== "missing_required_field" && str(gap.message)) out.push(`${pad}why: ${str(gap.message)}`);
    const hint = str(gap.hint);
    if (hint) out.push(`${pad}hint: ${hint}`);
  });
  return out;
}

/** The gaps of a validation report: detailed missing fields (or their names), then issues. */
export function gapsOf(body: Json): Json[] {
  const validation = obj(body.validation) ?? {};
  const detailed = objects(body.missingFields);
  const missing =
    detailed.length > 0
      ? detailed
      : strings(validation.missingFields).map((field) => ({
          field,
          updateKeys: [field],
          prompt: `ask: Set ${field}.`,
        }));
  return [...missing, ...objects(validation.issues)];
}

/** `{"experienceLevel": <answer>, …}`: the patch shape for the gaps, to show the agent. */
function patchShape(gaps: Json[]): string {
  const keys = [
    ...new Set(gaps.flatMap((g) => (strings(g.updateKeys).length ? strings(g.updateKeys) : [str(g.field) ?? "?"]))),
  ];
  return `{${keys.map((k) => `"${k}": <answer>`).join(", ")}}`;
}

function preview(value: unknown): string {
  const text = Array.isArray(value)
    ? value.map(String).join(", ")
    : typeof value === "object"
      ? JSON.stringify(value)
      : String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** The draft report of create / update. */
function draftSummary(data: unknown, created: boolean, status: number): string {
  const body = obj(data) ?? {};
  const jobId = str(body.jobId) ?? "?";
  const validation = obj(body.validation) ?? {};
  const ready = validation.publishReady === true;
  const gaps = gapsOf(body);
  const lines: string[] = [];
  const what = created
    ? status === 200
      ? `Draft ${jobId} already existed for this idempotencyKey; it is returned unchanged`
      : `Created draft ${jobId}`
    : `Updated draft ${jobId}`;
  lines.push(
    `${what} (status ${str(body.status) ?? "DRAFT"}). ${
      ready ? "Ready to publish." : `Not ready to publish: ${plural(gaps.length, "question")} for the human.`
    }`,
  );
  if (gaps.length > 0) {
    lines.push("Missing fields — relay each ask: question to the human, then patch the answer under the set: keys:");
    lines.push(...gapLines(gaps));
  }
  const fields = obj(body.normalizedFields);
  if (fields && Object.keys(fields).length > 0) {
    const shown = Object.entries(fields)
      .filter(([k]) => k !== "jobDescription")
      .map(([k, v]) => `${k}=${preview(v)}`);
    if (shown.length > 0) lines.push(`Extracted: ${shown.join("; ")}.`);
  }
  const warnings = strings(body.warnings);
  if (warnings.length > 0) lines.push(`Warnings: ${warnings.join(" | ")}`);
  const low = objects(body.lowConfidenceFields);
  if (low.length > 0) {
    lines.push(
      `Low-confidence fields (confirm with the human): ${low
        .map((l) => `${str(l.field) ?? "?"}${l.value === undefined ? "" : `=${preview(l.value)}`}`)
        .join("; ")}.`,
    );
  }
  const unmapped = objects(body.unmappedFields);
  if (unmapped.length > 0) {
    lines.push(`Not imported: ${unmapped.map((u) => `${str(u.path) ?? "?"} (${str(u.reason) ?? "?"})`).join("; ")}.`);
  }
  const draftUrl = str(body.draftUrl);
  if (draftUrl) lines.push(`Draft editor for the human: ${draftUrl}`);
  if (ready) {
    lines.push(
      `Next step: call opentrain_publish_job with jobId "${jobId}" (review the extracted fields with the human first if in doubt).`,
    );
  } else {
    lines.push(
      `Next step: ask the human the question${gaps.length === 1 ? "" : "s"} above (do not guess the answers), then call opentrain_update_job_draft_fields with jobId "${jobId}" and patch ${patchShape(gaps)}; once validation.publishReady is true, call opentrain_publish_job.`,
    );
  }
  lines.push("Full response in structuredContent.");
  return lines.join("\n");
}

/** opentrain_create_job_draft */
export const createJobDraftSummary: Summarizer = (data, { status }) => draftSummary(data, true, status);

/** opentrain_update_job_draft_fields */
export const updateJobDraftSummary: Summarizer = (data, { status }) => draftSummary(data, false, status);

/** opentrain_publish_job */
export const publishJobSummary: Summarizer = (data) => {
  const body = obj(data) ?? {};
  const jobId = str(body.jobId) ?? "?";
  const url = str(body.jobUrl);
  const lines = [
    body.alreadyPublished === true
      ? `Job ${jobId} was already published (alreadyPublished: true); nothing changed and the daily publish cap was not used.`
      : `Published job ${jobId}: status ${str(body.status) ?? "OPEN"}, live on the marketplace.`,
  ];
  if (url) lines.push(`Job URL: ${url}`);
  const warnings = strings(body.warnings);
  if (warnings.length > 0) {
    lines.push("Warnings (worth improving with opentrain_update_published_job):", ...warnings.map((w) => `- ${w}`));
  }
  lines.push(
    `Next step: share the job URL with the human; watch for proposals with opentrain_poll_updates or opentrain_list_proposals (jobId "${jobId}").`,
  );
  lines.push("Full response in structuredContent.");
  return lines.join("\n");
};

/** opentrain_update_published_job (success; a moderation block is an error result, see errors.ts) */
export const updatePublishedJobSummary: Summarizer = (data, { params }) => {
  const body = obj(data) ?? {};
  const jobId = str(body.jobId) ?? "?";
  const moderation = obj(body.moderation) ?? {};
  const changed = Object.keys(obj(params.patch) ?? {});
  return [
    `Updated live job ${jobId}${changed.length ? ` (${changed.join(", ")})` : ""}: moderation ${str(moderation.decision) ?? "ALLOW"}, still ${str(body.status) ?? "OPEN"}.`,
    "Next step: nothing required; the listing shows the change.",
    "Full response in structuredContent.",
  ].join("\n");
};

/** opentrain_close_job */
export const closeJobSummary: Summarizer = (data) => {
  const body = obj(data) ?? {};
  const jobId = str(body.jobId) ?? "?";
  return [
    body.alreadyClosed === true
      ? `Job ${jobId} was already closed (alreadyClosed: true); nothing changed.`
      : `Closed job ${jobId}: status ${str(body.status) ?? "ARCHIVED"}. It no longer accepts proposals and is off the public marketplace.`,
    "Next step: existing contracts continue unaffected (opentrain_list_contracts).",
    "Full response in structuredContent.",
  ].join("\n");
};

/** Pay of a public job (the contract's shared formatter), "pay n/a" when unknown. */
export function formatPay(pay: unknown): string {
  return formatPayLabel(pay) ?? "pay n/a";
}

function cursorLine(body: Json): string {
  const cursor = str(body.nextCursor);
  return cursor ? `More results: call again with cursor "${cursor}" (same filters).` : "No more pages.";
}

/** opentrain_search_jobs: title — pay — category — languages — id, then the cursor. */
export const searchJobsSummary: Summarizer = (data) => {
  const body = obj(data) ?? {};
  const jobs = objects(body.jobs);
  const lines = [jobs.length === 0 ? "No open jobs match." : `${plural(jobs.length, "open job")}:`];
  for (const j of jobs) {
    const langs = strings(j.languages);
    lines.push(
      `- ${str(j.title) ?? "?"} — ${formatPay(j.pay)} — ${str(j.category) ?? "?"}${langs.length ? ` — ${langs.join(", ")}` : ""} — id ${str(j.id) ?? "?"}`,
    );
  }
  lines.push(cursorLine(body));
  lines.push(
    "Next step: use similar jobs to calibrate rates and scope before drafting with opentrain_create_job_draft.",
    "Full response in structuredContent.",
  );
  return lines.join("\n");
};

/** opentrain_list_jobs: title — status — proposals — id, then the cursor. */
export const listJobsSummary: Summarizer = (data) => {
  const body = obj(data) ?? {};
  const jobs = objects(body.jobs);
  const lines = [jobs.length === 0 ? "No jobs." : `${plural(jobs.length, "job")} (newest first):`];
  for (const j of jobs) {
    const counts = obj(j.proposalCounts) ?? {};
    const total = typeof counts.total === "number" ? counts.total : 0;
    const fresh = typeof counts.unreviewed === "number" ? counts.unreviewed : 0;
    lines.push(
      `- ${str(j.title) ?? "?"} — ${str(j.status) ?? "?"} — ${plural(total, "proposal")}${fresh ? ` (${fresh} unreviewed)` : ""} — id ${str(j.id) ?? "?"}`,
    );
  }
  lines.push(cursorLine(body));
  lines.push(
    "Next step: finish drafts with opentrain_update_job_draft_fields and opentrain_publish_job; review a job's candidates with opentrain_list_proposals.",
    "Full response in structuredContent.",
  );
  return lines.join("\n");
};

/** Reasons and fixes of a moderation block. */
function moderationLines(d: Json): string[] {
  const reasons = strings(d.reasons);
  const fixes = strings(d.fix).length
    ? strings(d.fix)
    : objects(d.findings)
        .map((f) => str(f.fix))
        .filter((f): f is string => f !== undefined);
  const out: string[] = [];
  if (reasons.length) out.push("Reasons:", ...reasons.map((r) => `- ${r}`));
  if (fixes.length) out.push("What to fix:", ...fixes.map((f) => `- ${f}`));
  return out;
}

function flagged(d: Json): string[] {
  const fields = objects(d.findings)
    .map((f) => str(f.field))
    .filter((f): f is string => f !== undefined);
  return [...new Set(fields.length ? fields : ["jobDescription"])];
}

/**
 * Explanation lines and the next step for job errors whose fix is known (moderation blocks,
 * not publish-ready, wrong status), or undefined.
 */
export function jobErrorAdvice(
  reason: string | undefined,
  details: Json | undefined,
  toolName: string,
): { lines: string[]; hint: string } | undefined {
  const d = details ?? {};
  const jobId = str(d.jobId) ?? "?";
  switch (reason) {
    case "moderation_blocked": {
      const fix = `Tell the human what was blocked and agree on new wording, then call opentrain_update_job_draft_fields with jobId "${jobId}" and a patch that replaces ${flagged(d).join(", ")} without the flagged content, and call opentrain_publish_job to put it live again.`;
      if (toolName === "opentrain_update_published_job") {
        return {
          lines: [
            `Moderation blocked this edit. The edit WAS saved and job ${jobId} is back in DRAFT: it is off the marketplace until it is published again.`,
            ...moderationLines(d),
          ],
          hint: fix,
        };
      }
      return {
        lines: [`Moderation blocked publishing; job ${jobId} stays a DRAFT.`, ...moderationLines(d)],
        hint: fix,
      };
    }
    case "not_publish_ready": {
      const gaps = gapsOf({ validation: d.validation, missingFields: d.missingFields });
      if (gaps.length === 0) return undefined;
      if (toolName === "opentrain_update_published_job") {
        return {
          lines: ["Nothing was saved: the edit would leave the live job incomplete.", ...gapLines(gaps)],
          hint: "Ask the human these questions and send the answers in the same opentrain_update_published_job patch as the edit.",
        };
      }
      return {
        lines: [`Job ${jobId} is not ready to publish:`, ...gapLines(gaps)],
        hint: `Relay the ask: questions to the human, call opentrain_update_job_draft_fields with jobId "${jobId}" and patch ${patchShape(gaps)}, then call opentrain_publish_job again.`,
      };
    }
    case "job_not_open":
      if (d.status === "DRAFT") {
        return {
          lines: [],
          hint: `Job ${jobId} is a DRAFT: change it with opentrain_update_job_draft_fields, then publish it with opentrain_publish_job.`,
        };
      }
      return {
        lines: [],
        hint: `Job ${jobId} is ${str(d.status) ?? "not OPEN"}; only OPEN jobs can be edited. Check it with opentrain_list_jobs.`,
      };
    case "job_not_draft":
      if (d.status === "OPEN") {
        return {
          lines: [],
          hint:
            toolName === "opentrain_publish_job"
              ? `Job ${jobId} is already live.`
              : `Job ${jobId} is live (OPEN): edit it with opentrain_update_published_job instead.`,
        };
      }
      return {
        lines: [],
        hint: `Job ${jobId} is ${str(d.status) ?? "not a draft"}; it cannot change this way. Draft a new job with opentrain_create_job_draft if needed.`,
      };
    case "idempotency_key_reused":
      return {
        lines: [],
        hint: `This idempotencyKey already created draft ${jobId} from a different request; use a new key for a new draft, or continue with ${jobId}.`,
      };
    default:
      return undefined;
  }
}
