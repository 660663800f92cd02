import { NEXT_STEPS } from "./next-steps.js";
import { obj, plural, str, type Json, type Summarizer } from "./types.js";

/** Describes the first array in the body ("3 proposals"), plus the pagination cursor. */
function describeLists(body: Json): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(body)) {
    if (!Array.isArray(value)) continue;
    const noun = key.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
    const ids = value
      .map((v) => str(obj(v)?.id))
      .filter((v): v is string => v !== undefined)
      .slice(0, 10);
    out.push(
      `${value.length} ${noun}${ids.length > 0 ? ` (${ids.join(", ")}${value.length > ids.length ? ", …" : ""})` : ""}.`,
    );
    break;
  }
  const cursor = str(body.nextCursor);
  if (cursor) out.push(`More results: call again with cursor "${cursor}".`);
  else if ("nextCursor" in body) out.push("No more pages.");
  return out;
}

/** Describes a single wrapped record (`{ job: {...} }`) by id and status. */
function describeRecord(body: Json): string | undefined {
  const entries = Object.entries(body);
  const candidates = entries.length === 1 ? entries : entries.filter(([k]) => k !== "message");
  for (const [key, value] of candidates) {
    const rec = obj(value);
    if (!rec) continue;
    const id = str(rec.id);
    const status = str(rec.status);
    if (!id && !status) continue;
    return `${key}${id ? ` ${id}` : ""}${status ? ` (status ${status})` : ""}.`;
  }
  const id = str(body.id) ?? str(body.jobId);
  const status = str(body.status);
  if (id || status) return `${id ?? ""}${status ? ` (status ${status})` : ""}.`.trim();
  return undefined;
}

/** Co-sign and checkout links must reach the human; say so explicitly. */
function humanAction(body: Json): string | undefined {
  const approval = obj(body.approval);
  const approvalUrl = str(approval?.approvalUrl) ?? str(body.approvalUrl);
  if (approvalUrl) {
    const id = str(approval?.id);
    const expires = str(approval?.expiresAt);
    return `Human approval required${id ? ` (approval ${id})` : ""}: no money moves until a signed-in human confirms at ${approvalUrl}${expires ? ` (expires ${expires})` : ""}.`;
  }
  const checkoutUrl = str(body.checkoutUrl) ?? str(obj(body.topUp)?.checkoutUrl);
  if (checkoutUrl) return `Human payment required: a signed-in human must pay at ${checkoutUrl}.`;
  return undefined;
}

/** The default summary: what came back, any link for the human, and the next step. */
export const genericSummary: Summarizer = (data, { tool, status }) => {
  const parts: string[] = [];
  const body = obj(data);
  if (Array.isArray(data)) {
    parts.push(`${tool.title}: ${plural(data.length, "item")}.`);
  } else if (body) {
    const lists = describeLists(body);
    const record = lists.length === 0 ? describeRecord(body) : undefined;
    const message = str(body.message);
    if (lists.length > 0) parts.push(`${tool.title}: ${lists.join(" ")}`);
    else if (record) parts.push(`${tool.title}: ${record}`);
    else parts.push(`${tool.title}: done${status === 202 ? " (accepted, pending)" : ""}.`);
    if (message) parts.push(message);
    const action = humanAction(body);
    if (action) parts.push(action);
  } else {
    parts.push(`${tool.title}: done.`);
  }
  const next = NEXT_STEPS[tool.name];
  if (next) parts.push(`Next step: ${next}`);
  parts.push("Full response in structuredContent.");
  return parts.join("\n");
};
