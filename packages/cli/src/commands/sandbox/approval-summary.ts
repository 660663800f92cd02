import { renderPairs } from "../../output/table.js";

type Obj = Record<string, unknown>;

/** `Type / Status / Resolved / Result…` lines of an approval after the human acted on it. */
export function approvalPairs(approval: Obj): string {
  const pairs: [string, string][] = [
    ["Approval", String(approval.id ?? "-")],
    ["Type", String(approval.type ?? "-")],
    ["Status", String(approval.status ?? "-")],
    ["Resolved", String(approval.resolvedAt ?? "-")],
  ];
  const result = approval.result;
  if (result && typeof result === "object") {
    for (const [k, v] of Object.entries(result as Obj)) if (v !== null && v !== undefined) pairs.push([k, String(v)]);
  }
  return renderPairs(pairs);
}
