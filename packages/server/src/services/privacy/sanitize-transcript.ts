import { stripControlMarkers } from "./control-markers.js";
import { sanitizeText, type SanitizeOptions } from "./sanitize-text.js";

/** What an empty transcript reads as (spec 30 §0.4). */
export const EMPTY_TRANSCRIPT_TEXT = "Interview completed.";

export interface TranscriptMessage {
  id: string;
  role: "interviewer" | "candidate";
  content: string;
  sentAt: string;
}

/**
 * A transcript as the employer may read it: control markers removed, contact details and the
 * given last names redacted, turns left empty by that dropped, oldest first. With nothing left,
 * one interviewer turn reads "Interview completed." (at `completedAt`).
 */
export function sanitizeTranscript(
  raw: readonly { role: "interviewer" | "candidate"; content: string; sentAt: string }[],
  opts: SanitizeOptions & { completedAt: string },
): TranscriptMessage[] {
  const out: TranscriptMessage[] = [];
  const ordered = raw
    .map((m, i) => ({ m, i }))
    .sort((a, b) => a.m.sentAt.localeCompare(b.m.sentAt) || a.i - b.i)
    .map(({ m }) => m);
  for (const m of ordered) {
    const content = sanitizeText(stripControlMarkers(m.content), opts).trim();
    if (content.length === 0) continue;
    out.push({ id: `m${out.length + 1}`, role: m.role, content, sentAt: m.sentAt });
  }
  if (out.length === 0) {
    return [{ id: "m1", role: "interviewer", content: EMPTY_TRANSCRIPT_TEXT, sentAt: opts.completedAt }];
  }
  return out;
}
