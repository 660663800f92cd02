import { formatUsd } from "@opentrain-ai/contract";
import type { IO } from "../../io.js";
import { renderPairs, renderTable } from "../../output/table.js";
import { isObj, num, objects, str, usdOrDash } from "../approvals/render.js";
import { command } from "../jobs/render.js";

/** Human layouts of contracts, milestones and the budget snapshot. */

type Obj = Record<string, unknown>;

/** `$18.00/h`, `$0.05/label`, `$500.00 fixed`. */
export function formatRate(paymentType: unknown, rateUsd: unknown): string {
  const rate = num(rateUsd);
  if (rate === undefined) return "-";
  switch (paymentType) {
    case "PAY_PER_HOUR":
      return `${formatUsd(rate)}/h`;
    case "PAY_PER_LABEL":
      return `${formatUsd(rate)}/label`;
    case "FIXED_PRICE":
      return `${formatUsd(rate)} fixed`;
    default:
      return formatUsd(rate);
  }
}

/** A volume in the contract's unit: `16.5 h`, `2,000 labels`. */
export function formatVolume(paymentType: unknown, volume: unknown): string {
  const v = num(volume);
  if (v === undefined) return "-";
  const n = v.toLocaleString("en-US", { maximumFractionDigits: 2 });
  if (paymentType === "PAY_PER_HOUR") return `${n} h`;
  if (paymentType === "PAY_PER_LABEL") return `${n} ${v === 1 ? "label" : "labels"}`;
  return n;
}

/** A milestone's status, with the trainer's payout request when there is one. */
function milestoneStatus(m: Obj): string {
  const s = str(m.status) ?? "-";
  return m.pendingApproval === true && s === "ACTIVE_FUNDED" ? `${s} (payout requested)` : s;
}

/** `2 (1 ACTIVE_FUNDED, 1 NOT_FUNDED)` or `none`. */
function milestoneCounts(milestones: Obj[]): string {
  if (milestones.length === 0) return "none";
  const counts = new Map<string, number>();
  for (const m of milestones) counts.set(str(m.status) ?? "?", (counts.get(str(m.status) ?? "?") ?? 0) + 1);
  return `${milestones.length} (${[...counts].map(([s, n]) => `${n} ${s}`).join(", ")})`;
}

const trainerName = (c: Obj): string => str(isObj(c.freelancer) ? c.freelancer.displayName : undefined) ?? "-";

/** `contracts list`: ID, TRAINER, TITLE, STATUS, RATE, MILESTONES, STARTED. */
export function renderContracts(io: IO, contracts: Obj[]): string {
  return renderTable(io, {
    headers: ["ID", "TRAINER", "TITLE", "STATUS", "RATE", "MILESTONES", "STARTED"],
    rows: contracts.map((c) => [
      str(c.id) ?? "-",
      trainerName(c),
      str(c.title) ?? "-",
      str(c.status) ?? "-",
      formatRate(c.paymentType, c.rateUsd),
      milestoneCounts(objects(c.milestones)),
      str(c.startDate) ?? "-",
    ]),
  });
}

/** The milestone timeline: #, NAME, STATUS, AMOUNT, VOLUME, DUE, ID. */
export function renderMilestones(io: IO, paymentType: unknown, milestones: Obj[]): string {
  return renderTable(io, {
    headers: ["#", "NAME", "STATUS", "AMOUNT", "VOLUME", "DUE", "ID"],
    rows: milestones.map((m) => [
      String(num(m.milestoneNumber) ?? "-"),
      str(m.name) ?? str(m.description) ?? "-",
      milestoneStatus(m),
      usdOrDash(m.amountUsd),
      formatVolume(paymentType, m.volume),
      str(m.dueDate) ?? "-",
      str(m.id) ?? "-",
    ]),
  });
}

/** The budget snapshot: state, funded, consumed, remaining. */
function budgetLines(b: Obj, ended: boolean): string[] {
  const type = b.paymentType;
  const state = str(b.state) ?? "-";
  if (type === "FIXED_PRICE") {
    return [`Budget: ${state} (fixed price: usage does not deplete it)`, `  Funded: ${usdOrDash(b.fundedAmountUsd)}`];
  }
  const fraction = num(b.consumedFraction);
  const active = isObj(b.activeMilestone) ? b.activeMilestone : undefined;
  const pairs: [string, string][] = [
    ["Funded", `${usdOrDash(b.fundedAmountUsd)} (${formatVolume(type, b.fundedVolume)})`],
    [
      "Consumed",
      `${formatVolume(type, b.consumedVolume)}${fraction === undefined ? "" : ` (${Math.round(fraction * 100)}%)`}`,
    ],
    ["Remaining", formatVolume(type, b.remainingVolume)],
    [
      "Active milestone",
      active
        ? `${str(active.name) ?? str(active.id) ?? "-"} ${usdOrDash(active.amountUsd)} ${str(active.status) ?? ""}`.trim()
        : "none",
    ],
    ["Last usage", str(b.lastUsageAt) ?? "-"],
  ];
  const note = ended
    ? ""
    : state === "DEPLETED"
      ? " (the funded volume is used up: fund another milestone)"
      : state === "LOW"
        ? " (80% or more of the funded volume is used)"
        : "";
  return [`Budget: ${state}${note}`, renderPairs(pairs, "  ").trimEnd()];
}

/** The most useful next command for a contract, from its milestones. */
export function nextStep(c: Obj): string | undefined {
  const id = str(c.id) ?? "<contractId>";
  if (c.status === "ended") return undefined;
  const milestones = objects(c.milestones);
  const payout = milestones.find((m) => m.status === "ACTIVE_FUNDED" && m.pendingApproval === true);
  if (payout) {
    return `the trainer requested payout for milestone ${str(payout.id)}: release it with ${command(["milestones", "approve", str(payout.id)])}`;
  }
  const unfunded = milestones.find((m) => m.status === "NOT_FUNDED");
  if (unfunded) return `fund milestone ${str(unfunded.id)} with ${command(["milestones", "fund", str(unfunded.id)])}`;
  if (milestones.some((m) => m.status === "ACTIVE_FUNDED")) {
    return `when the work is delivered, release it with ${command(["milestones", "approve"])} <milestoneId>; add work with ${command(["milestones", "create", id])} --description <text>`;
  }
  return `add work with ${command(["milestones", "create", id])} --description <text>, or end it with ${command(["contracts", "end", id])}`;
}

/** `contracts get`: the contract, its milestones and its budget. */
export function renderContract(io: IO, c: Obj): string {
  const f = isObj(c.freelancer) ? c.freelancer : {};
  const type = c.paymentType;
  const pairs: [string, string][] = [
    ["Contract", `${str(c.id) ?? "-"} (${str(c.status) ?? "-"})`],
    ["Title", str(c.title) ?? "-"],
    ["Job", str(c.jobId) ?? "-"],
    ["Proposal", str(c.proposalId) ?? "-"],
    [
      "Trainer",
      `${str(f.displayName) ?? "-"}${str(f.userId) ? ` (${str(f.userId)})` : ""}${str(f.country) ? `, ${str(f.country)}` : ""}`,
    ],
    ["Pay", `${formatRate(type, c.rateUsd)} (${str(type) ?? "-"})`],
  ];
  if (num(c.estimatedTotalUsd) !== undefined || num(c.estimatedVolume) !== undefined) {
    pairs.push([
      "Estimate",
      [
        usdOrDash(c.estimatedTotalUsd),
        num(c.estimatedVolume) !== undefined ? formatVolume(type, c.estimatedVolume) : "",
      ]
        .filter(Boolean)
        .join(", "),
    ]);
  }
  pairs.push(["Started", str(c.startDate) ?? "-"]);
  if (str(c.endDate)) pairs.push(["Ended", str(c.endDate)!]);
  if (str(c.jobDmConversationId)) {
    pairs.push([
      "Conversation",
      `${str(c.jobDmConversationId)} (${command(["messages", "read", str(c.jobDmConversationId)])})`,
    ]);
  }
  const out = [renderPairs(pairs).trimEnd(), ""];
  const milestones = objects(c.milestones);
  const funded = milestones
    .filter((m) => m.status === "ACTIVE_FUNDED")
    .reduce((sum, m) => sum + Math.round((num(m.amountUsd) ?? 0) * 100), 0);
  out.push(
    `Milestones (${milestones.length}${funded > 0 ? `, ${formatUsd(funded / 100)} in escrow` : ""}):`,
    milestones.length ? renderMilestones(io, type, milestones).trimEnd() : "  none",
  );
  if (isObj(c.budget)) out.push("", ...budgetLines(c.budget, c.status === "ended"));
  const next = nextStep(c);
  if (next) out.push("", `Next step: ${next}`);
  return `${out.join("\n")}\n`;
}
