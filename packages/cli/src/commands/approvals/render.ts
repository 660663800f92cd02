import { EXIT_CODES, formatUsd, type ExitCode } from "@opentrain-ai/contract";
import type { IO } from "../../io.js";
import { renderPairs } from "../../output/table.js";
import { command } from "../jobs/render.js";

/**
 * Human layouts of human co-sign approvals, shared by every command that asks for one (proposals
 * hire, milestones fund/approve, contracts end) and by `approvals get`. A pending approval's link
 * stands alone on its own line so the agent (or a person reading along) can hand it on.
 */

type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
export const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);
export const num = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);
export const objects = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isObj) : []);

/** What each approval type asks the human to do. */
const TYPE_LABELS: Record<string, string> = {
  proposal_hire: "hire",
  milestone_fund: "milestone funding",
  milestone_approve: "milestone payment release",
  contract_end: "contract end",
};

export function approvalLabel(type: unknown): string {
  return TYPE_LABELS[String(type)] ?? String(type ?? "approval");
}

/** The command that asks again after a decline or expiry (a new approval and link). */
export function reRequestCommand(a: Obj): string | undefined {
  switch (a.type) {
    case "proposal_hire":
      return str(a.proposalId)
        ? `${command(["proposals", "hire", str(a.proposalId)])} --amount <usd> --name <name>`
        : undefined;
    case "milestone_fund":
      return str(a.milestoneId) ? command(["milestones", "fund", str(a.milestoneId)]) : undefined;
    case "milestone_approve":
      return str(a.milestoneId) ? command(["milestones", "approve", str(a.milestoneId)]) : undefined;
    case "contract_end":
      return str(a.contractId) ? command(["contracts", "end", str(a.contractId)]) : undefined;
    default:
      return undefined;
  }
}

/** The approval link, set apart (bold on a colour terminal). */
function linkBlock(io: IO, url: string): string[] {
  return ["", `  ${io.bold(url)}`, ""];
}

/** What a confirmed approval did, from its `result`, and where to look next. */
function resultLines(a: Obj): string[] {
  const r = isObj(a.result) ? a.result : {};
  switch (a.type) {
    case "proposal_hire": {
      const contractId = str(r.contractId);
      return [
        `Hired: contract ${contractId ?? "?"}${str(r.freelancerUserId) ? ` with trainer ${str(r.freelancerUserId)}` : ""}; the first milestone is funded in escrow.`,
        ...(contractId ? [`Next step: ${command(["contracts", "get", contractId])}`] : []),
      ];
    }
    case "milestone_fund":
      return [
        `Funded: milestone ${str(a.milestoneId) ?? "?"} is in escrow${str(r.invoiceId) ? ` (invoice ${str(r.invoiceId)})` : ""}.`,
        ...(str(a.contractId) ? [`Next step: ${command(["contracts", "get", str(a.contractId)])}`] : []),
      ];
    case "milestone_approve":
      return [
        `Released: milestone ${str(a.milestoneId) ?? "?"} is paid out to the trainer${str(r.payoutTransactionId) ? ` (payout ${str(r.payoutTransactionId)})` : ""}.`,
        ...(str(a.contractId) ? [`Next step: ${command(["contracts", "get", str(a.contractId)])}`] : []),
      ];
    case "contract_end":
      return [`Ended: contract ${str(a.contractId) ?? "?"} is over.`];
    default:
      return [];
  }
}

/** `approvals get`: the approval's fields, then what its status means and what to do. */
export function renderApproval(io: IO, a: Obj): string {
  const id = str(a.id) ?? "?";
  const status = str(a.status) ?? "?";
  const pairs: [string, string][] = [
    ["Approval", `${id} (${approvalLabel(a.type)})`],
    ["Status", status],
    ["Job", str(a.jobId) ?? "-"],
  ];
  if (str(a.proposalId)) pairs.push(["Proposal", str(a.proposalId)!]);
  if (str(a.contractId)) pairs.push(["Contract", str(a.contractId)!]);
  if (str(a.milestoneId)) pairs.push(["Milestone", str(a.milestoneId)!]);
  pairs.push(["Requested", str(a.createdAt) ?? "-"]);
  if (status === "pending") pairs.push(["Expires", str(a.expiresAt) ?? "-"]);
  else pairs.push(["Resolved", str(a.resolvedAt) ?? "-"]);
  const out = [renderPairs(pairs).trimEnd()];
  const url = str(a.approvalUrl);
  switch (status) {
    case "pending":
      out.push(
        "",
        "Waiting for a human: a signed-in member of the account must confirm this in the OpenTrain app. No money moves until then.",
        ...(url ? linkBlock(io, url) : [""]),
        `Wait for the decision: ${command(["approvals", "get", id, "--wait"])}`,
      );
      break;
    case "confirmed":
      out.push("", ...resultLines(a));
      break;
    case "declined": {
      const again = reRequestCommand(a);
      out.push(
        "",
        "The human declined it; nothing happened and no money moved.",
        ...(again ? [`Ask them why before requesting again (${again}).`] : []),
      );
      break;
    }
    case "expired": {
      const next = str(a.supersededBy);
      if (next) {
        out.push(
          "",
          `A hire request with new terms replaced it: approval ${next} is the live one. Nothing happened on this one.`,
          `Follow it with: ${command(["approvals", "get", next])}`,
        );
        break;
      }
      const again = reRequestCommand(a);
      out.push(
        "",
        "It expired before a human confirmed it; nothing happened and no money moved.",
        ...(again ? [`To ask again (a new approval and link): ${again}`] : []),
      );
      break;
    }
  }
  return `${out.join("\n")}\n`;
}

/**
 * The 202 answer of a co-signed request: the headline (what was asked), the link for the human,
 * the approval and how to wait for it.
 */
export function renderCoSign(io: IO, body: Obj, headline: string, terms: [string, string][] = []): string {
  const a = isObj(body.approval) ? body.approval : {};
  const id = str(a.id) ?? "?";
  const url = str(a.approvalUrl);
  const out = [
    headline,
    "A signed-in human must confirm it in the OpenTrain app; nothing happens and no money moves until then:",
    ...(url ? linkBlock(io, url) : [""]),
  ];
  const pairs: [string, string][] = [
    ["Approval", `${id} (${approvalLabel(a.type)}, ${str(a.status) ?? "pending"})`],
    ...terms,
    ["Expires", `${str(a.expiresAt) ?? "-"} (unconfirmed approvals expire after ~72 h)`],
  ];
  out.push(renderPairs(pairs).trimEnd());
  // body.message says the same in API terms; --json prints it.
  out.push("", `Wait for the decision: ${command(["approvals", "get", id, "--wait"])}`);
  return `${out.join("\n")}\n`;
}

/** `approvals get` exits by the approval's status: 0 confirmed, 10 pending, 11 declined or expired. */
export function approvalExitCode(status: unknown): ExitCode {
  if (status === "confirmed") return EXIT_CODES.OK;
  if (status === "pending") return EXIT_CODES.PENDING;
  return EXIT_CODES.NOT_CONFIRMED;
}

/** A milestone amount as dollars, `-` when absent. */
export function usdOrDash(v: unknown): string {
  return num(v) === undefined ? "-" : formatUsd(num(v)!);
}
