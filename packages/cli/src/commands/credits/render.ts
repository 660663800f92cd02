import { formatCents } from "@opentrain-ai/contract";
import type { IO } from "../../io.js";
import { renderPairs, renderTable } from "../../output/table.js";
import { num, str } from "../approvals/render.js";

/** Human layouts of the credit balance, the ledger and top-ups (cents shown as dollars). */

type Obj = Record<string, unknown>;

/** What a ledger entry is linked to: `milestone ms_1, contract ct_1`, `top-up tu_1`. */
export function linkedTo(e: Obj): string {
  const links: [string, unknown][] = [
    ["top-up", e.topUpId],
    ["milestone", e.milestoneId],
    ["contract", e.contractId],
    ["proposal", e.jobofferId],
    ["hold", e.holdEntryId],
  ];
  const parts = links.filter(([, v]) => str(v)).map(([k, v]) => `${k} ${str(v)}`);
  return parts.length ? parts.join(", ") : "-";
}

/**
 * Ledger entries: CREATED, TYPE, AMOUNT (signed effect on available; a CAPTURE's on reserved),
 * LINKED TO, NOTE, ID.
 */
export function renderLedger(io: IO, entries: Obj[]): string {
  return renderTable(io, {
    headers: ["CREATED", "TYPE", "AMOUNT", "LINKED TO", "NOTE", "ID"],
    rows: entries.map((e) => [
      str(e.createdAt) ?? "-",
      str(e.type) ?? "-",
      num(e.amountCents) === undefined ? "-" : formatCents(num(e.amountCents)!, { signed: true }),
      linkedTo(e),
      str(e.note) ?? "-",
      str(e.id) ?? "-",
    ]),
  });
}

/** `credits show`: available, reserved and total in dollars. */
export function renderBalance(c: Obj): string {
  const available = num(c.availableCents) ?? 0;
  const reserved = num(c.reservedCents) ?? 0;
  return renderPairs([
    ["Available", formatCents(available)],
    ["Reserved", `${formatCents(reserved)} (escrow holds)`],
    ["Total", formatCents(available + reserved)],
  ]);
}

/** A top-up's fields. */
export function renderTopUp(t: Obj): string {
  const pairs: [string, string][] = [
    ["Top-up", str(t.id) ?? "-"],
    ["Amount", num(t.amountCents) === undefined ? "-" : formatCents(num(t.amountCents)!)],
    ["Status", str(t.status) ?? "-"],
    ["Created", str(t.createdAt) ?? "-"],
  ];
  if (str(t.completedAt)) pairs.push(["Completed", str(t.completedAt)!]);
  else if (str(t.expiresAt)) pairs.push(["Expires", str(t.expiresAt)!]);
  return renderPairs(pairs);
}
