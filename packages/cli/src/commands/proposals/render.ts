import type { IO } from "../../io.js";
import { renderPairs, renderTable } from "../../output/table.js";

/** Human layouts of the proposal and freelancer commands. */

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const objects = (v: unknown): Obj[] => arr(v).filter(isObj);
const strings = (v: unknown): string[] => arr(v).filter((s): s is string => typeof s === "string");

function money(n: number): string {
  return `$${n.toLocaleString("en-US", { minimumFractionDigits: Number.isInteger(n) ? 0 : 2, maximumFractionDigits: 6 })}`;
}

/** `$18/h`, `$0.05/label`, `$500 fixed`, or `-` before an invited trainer bids. */
export function formatBid(bid: unknown): string {
  const b = isObj(bid) ? bid : {};
  const amount = num(b.amountUsd);
  if (amount === undefined) return "-";
  switch (b.unit) {
    case "PER_HOUR":
      return `${money(amount)}/h`;
    case "PER_LABEL":
      return `${money(amount)}/label`;
    case "FIXED_PRICE":
      return `${money(amount)} fixed`;
    default:
      return money(amount);
  }
}

/** Interview score (0–100) as `88`, match score (0–1) as `0.87`; `-` when absent. */
export const formatInterview = (v: unknown): string =>
  num(v) === undefined ? "-" : String(Math.round(num(v)! * 10) / 10);
export const formatMatch = (v: unknown): string => (num(v) === undefined ? "-" : num(v)!.toFixed(2));

const statusOf = (p: Obj): string => str(isObj(p.status) ? p.status.raw : p.status) ?? "-";
const nameOf = (p: Obj): string => str(isObj(p.candidate) ? p.candidate.displayName : undefined) ?? "-";

/** `proposals list`: NAME, STATUS, BID, INTERVIEW, MATCH, ID. */
export function renderProposals(io: IO, proposals: Obj[]): string {
  return renderTable(io, {
    headers: ["NAME", "STATUS", "BID", "INTERVIEW", "MATCH", "ID"],
    rows: proposals.map((p) => {
      const m = isObj(p.metrics) ? p.metrics : {};
      const invited = isObj(p.invitation) ? ` (invited: ${str(p.invitation.status) ?? "PENDING"})` : "";
      return [
        nameOf(p),
        `${statusOf(p)}${invited}`,
        formatBid(p.bid),
        formatInterview(m.interviewScore),
        formatMatch(m.matchScore),
        str(p.id) ?? "-",
      ];
    }),
  });
}

/** `proposals get`: key/value block, interview summary, cover note. */
export function renderProposal(p: Obj): string {
  const c = isObj(p.candidate) ? p.candidate : {};
  const m = isObj(p.metrics) ? p.metrics : {};
  const ai = isObj(p.aiInterview) ? p.aiInterview : undefined;
  const ver = isObj(p.verification) ? p.verification : {};
  const loc = isObj(ver.location) ? ver.location : undefined;
  const label = isObj(p.openLabel) ? p.openLabel : undefined;
  const contract = isObj(p.contract) ? p.contract : undefined;
  const pairs: [string, string][] = [
    ["Proposal", str(p.id) ?? "-"],
    ["Job", `${str(p.jobTitle) ?? "-"} (${str(p.jobId) ?? "-"})`],
    ["Candidate", `${nameOf(p)}${str(c.id) ? ` (freelancer ${str(c.id)})` : ""}`],
  ];
  if (str(c.profileTitle)) pairs.push(["Title", str(c.profileTitle)!]);
  if (str(c.country) ?? str(c.countryCode)) pairs.push(["Country", (str(c.country) ?? str(c.countryCode))!]);
  pairs.push(["Status", statusOf(p)], ["Source", str(p.source) ?? "-"]);
  if (isObj(p.invitation)) pairs.push(["Invitation", str(p.invitation.status) ?? "-"]);
  pairs.push(
    ["Bid", formatBid(p.bid)],
    ["Interview score", formatInterview(ai?.score ?? m.interviewScore)],
    ["Match score", formatMatch(m.matchScore)],
    ["Location check", str(loc?.status) ?? "-"],
    ["Identity", isObj(ver.identity) && ver.identity.verified === true ? "verified" : "not verified"],
  );
  if (label) {
    pairs.push([
      "Labeling assessment",
      `${num(label.score) ?? "-"}/100 ${label.passed === true ? "passed" : "not passed"}${str(label.labelType) ? ` (${str(label.labelType)})` : ""}`,
    ]);
  }
  if (contract) pairs.push(["Contract", `${str(contract.id) ?? "-"} (${str(contract.status) ?? "-"})`]);
  if (str(p.createdAt)) pairs.push(["Created", str(p.createdAt)!]);
  const out = [renderPairs(pairs).trimEnd()];
  if (ai && str(ai.summary)) out.push("", "Interview summary:", `  ${str(ai.summary)}`);
  if (str(p.coverNote))
    out.push(
      "",
      "Cover note:",
      ...str(p.coverNote)!
        .split("\n")
        .map((l) => `  ${l}`),
    );
  return `${out.join("\n")}\n`;
}

/** The interview transcript, oldest first: `Interviewer: …` / `Candidate: …`. */
export function renderTranscript(interview: Obj): string {
  const messages = objects(interview.messages);
  const out = [`Interview transcript (${messages.length} ${messages.length === 1 ? "message" : "messages"}):`];
  for (const m of messages) {
    const role = str(m.role) === "candidate" ? "Candidate" : "Interviewer";
    out.push(`${role}: ${str(m.content) ?? ""}`);
  }
  return `${out.join("\n")}\n`;
}

/** `freelancers get`: key/value block plus skills, experience, education and reviews. */
export function renderFreelancer(f: Obj): string {
  const stats = isObj(f.stats) ? f.stats : {};
  const skills = isObj(f.skills) ? f.skills : {};
  const pairs: [string, string][] = [
    ["Name", str(f.displayName) ?? "-"],
    ["ID", str(f.id) ?? "-"],
  ];
  if (str(f.profilePath)) pairs.push(["Profile", str(f.profilePath)!]);
  if (str(f.title)) pairs.push(["Title", str(f.title)!]);
  const where = [str(f.city), str(f.country) ?? str(f.countryCode)].filter(Boolean).join(", ");
  if (where) pairs.push(["Location", where]);
  if (num(f.hourlyRateUsd) !== undefined) pairs.push(["Hourly rate", `${money(num(f.hourlyRateUsd)!)}/h`]);
  if (str(f.expertiseLevel)) pairs.push(["Level", str(f.expertiseLevel)!]);
  if (str(f.availability)) pairs.push(["Availability", str(f.availability)!]);
  if (str(f.englishLevel)) pairs.push(["English", str(f.englishLevel)!]);
  pairs.push(["Identity", f.identityVerified === true ? "verified" : "not verified"]);
  pairs.push(["Earned", money(num(stats.totalEarnedUsd) ?? 0)]);
  pairs.push(["Billed hours", String(num(stats.billedHours) ?? 0)]);
  pairs.push(["Job success", num(stats.jobSuccessScore) === undefined ? "-" : String(num(stats.jobSuccessScore))]);
  pairs.push([
    "Reviews",
    `${num(stats.reviewCount) ?? 0}${num(stats.averageRating) !== undefined ? ` (avg ${num(stats.averageRating)}/5)` : ""}`,
  ]);
  const langs = objects(f.languages).map((l) => `${str(l.language) ?? "?"} (${str(l.proficiency) ?? "?"})`);
  if (langs.length) pairs.push(["Languages", langs.join(", ")]);
  for (const [key, label] of [
    ["subjectMatter", "Subject matter"],
    ["labelTypes", "Label types"],
    ["dataTypes", "Data types"],
    ["software", "Software"],
    ["tags", "Tags"],
  ] as const) {
    if (strings(skills[key]).length) pairs.push([label, strings(skills[key]).join(", ")]);
  }
  const out = [renderPairs(pairs).trimEnd()];
  if (str(f.bio))
    out.push(
      "",
      "Bio:",
      ...str(f.bio)!
        .split("\n")
        .map((l) => `  ${l}`),
    );
  const years = (e: Obj) =>
    `${num(e.fromYear) ?? "?"}–${e.ongoing === true ? "now" : (num(e.toYear) ?? "?")}`.replace(/^\?–\?$/, "");
  const labels = objects(f.labelExperience);
  if (labels.length)
    out.push("", "Labeling experience:", ...labels.map((l) => `  - ${str(l.title) ?? "?"} ${years(l)}`.trimEnd()));
  const work = objects(f.workExperience);
  if (work.length) {
    out.push(
      "",
      "Work experience:",
      ...work.map((w) =>
        `  - ${str(w.title) ?? "?"}${str(w.company) ? ` at ${str(w.company)}` : ""} ${years(w)}`.trimEnd(),
      ),
    );
  }
  const edu = objects(f.education);
  if (edu.length) {
    out.push(
      "",
      "Education:",
      ...edu.map(
        (e) =>
          `  - ${[str(e.degree), str(e.fieldOfStudy)].filter(Boolean).join(", ")}${str(e.degree) || str(e.fieldOfStudy) ? ", " : ""}${str(e.school) ?? "?"}`,
      ),
    );
  }
  const reviews = objects(f.reviews);
  if (reviews.length) {
    out.push(
      "",
      "Reviews:",
      ...reviews.map((r) => `  - ${num(r.rating) ?? "?"}/5${str(r.comment) ? ` ${str(r.comment)}` : ""}`),
    );
  }
  return `${out.join("\n")}\n`;
}
