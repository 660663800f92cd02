import type { IO } from "../../io.js";
import { renderTable } from "../../output/table.js";

/** Human layouts of the messages commands. */

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);

const flat = (s: string, max = 80) => {
  const t = s.replace(/\s+/g, " ").trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
};

/** `messages list`: ID, WITH, ABOUT, UNREAD, UPDATED, LAST MESSAGE. */
export function renderConversations(io: IO, conversations: Obj[]): string {
  return renderTable(io, {
    headers: ["ID", "WITH", "ABOUT", "UNREAD", "UPDATED", "LAST MESSAGE"],
    rows: conversations.map((c) => {
      const last = isObj(c.lastMessage) ? c.lastMessage : undefined;
      const about = str(c.proposalId) ? `proposal ${str(c.proposalId)}` : str(c.jobId) ? `job ${str(c.jobId)}` : "-";
      return [
        str(c.id) ?? "-",
        str(isObj(c.freelancer) ? c.freelancer.displayName : undefined) ?? "-",
        `${about}${c.readOnly === true ? " (read-only)" : ""}`,
        String(num(c.unreadCount) ?? 0),
        str(c.updatedAt) ?? "-",
        last && str(last.content) ? `${last.isFromViewer === true ? "You: " : ""}${flat(str(last.content)!)}` : "-",
      ];
    }),
  });
}

/** A thread, oldest first, each message as `[time] Name: text`. */
export function renderThread(body: Obj, direction: string | undefined): string {
  const conv = isObj(body.conversation) ? body.conversation : {};
  const trainer = str(isObj(conv.freelancer) ? conv.freelancer.displayName : undefined) ?? "Trainer";
  const messages = (Array.isArray(body.messages) ? body.messages : []).filter(isObj);
  const ordered = direction === "newer" ? messages : [...messages].reverse();
  const about = str(conv.proposalId)
    ? `proposal ${str(conv.proposalId)}`
    : str(conv.jobId)
      ? `job ${str(conv.jobId)}`
      : "";
  const out = [
    `Conversation ${str(conv.id) ?? "?"} with ${trainer}${about ? ` (${about})` : ""}${conv.readOnly === true ? " — read-only" : ""}`,
    "",
  ];
  if (ordered.length === 0) out.push("No messages yet.");
  for (const m of ordered) {
    const name = m.system === true ? "System" : m.isFromViewer === true ? "You" : trainer;
    const attach = num(m.attachmentCount) ? ` [${num(m.attachmentCount)} attachment(s)]` : "";
    const lines = (str(m.content) ?? "").split("\n");
    out.push(
      `[${str(m.createdAt) ?? "?"}] ${name}${m.hasUnreadFlag === true ? " (new)" : ""}: ${lines[0] ?? ""}${attach}`,
    );
    for (const l of lines.slice(1)) out.push(`  ${l}`);
  }
  return `${out.join("\n")}\n`;
}
