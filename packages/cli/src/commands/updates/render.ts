/** Human layouts of the event feed: one line per event. */

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** `1042  2026-07-02T09:00:00.000Z  proposal.received  proposalId=p_1 jobId=j_1` */
export function eventLine(event: unknown): string {
  const e = isObj(event) ? event : {};
  const data = isObj(e.data) ? e.data : {};
  const pairs = Object.entries(data).map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`);
  return [String(e.id ?? "?"), String(e.createdAt ?? "?"), String(e.type ?? "?"), pairs.join(" ")]
    .filter((p) => p !== "")
    .join("  ");
}
