/**
 * Title. In order of preference:
 *  1. `opts.title` (handled by the caller);
 *  2. an explicit label in the first lines: "Title: …", "Job title: …", "Position: …", "Role: …";
 *  3. the first markdown heading ("# …", "## …") or a bold first line ("**…**");
 *  4. the first non-empty line when it reads like a title: more text follows it, ≤ 110 characters and
 *     ≤ 16 words, no trailing ":" (a section label), not a greeting, not a "Pay: …"-style field line,
 *     not a sentence (a long line ending in "."), and not starting with a bullet or a price;
 *  5. otherwise a generated title from language + data type + main label type (built by the caller with
 *     `generateTitle`), e.g. "German Audio Transcription".
 * Emoji, markdown markers and shouting prefixes ("URGENT!!!", "Hiring:") are removed; an ALL-CAPS title is
 * title-cased.
 */
import { titleCase, type TextView } from "./text.js";

export interface TitleResult {
  value: string;
  confidence: number;
  source: "label" | "heading" | "first-line";
}

const LABEL_RE =
  /^\s*(?:[-*•]\s*)?(?:\*\*|__)?(?:job title|title|position|role|job|project title|project name|project|subject|re|titel|titulo|titre|puesto|vaga|stelle|posizione|betreff|asunto|objet)(?:\*\*|__)?(?:\s*:|\s+[-–]\s)\s*(.+)$/iu;
const HEADING_RE = /^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$/u;
const BOLD_RE = /^\s*(?:\*\*|__)(.+?)(?:\*\*|__)\s*:?\s*$/u;
const GREETING_RE =
  /^(?:hi|hello|hey|dear|greetings|hola|bonjour|hallo|ola|ciao|good (?:morning|afternoon|evening))\b/iu;
const FIELD_LINE_RE =
  /^(?:pay|rate|compensation|salary|budget|location|countries|country|languages?|tool|tools|deadline|duration|requirements?|responsibilities|about(?: us| the (?:project|role|job|company))?|description|overview|summary|note|headcount|experience|skills|start|type|category|the work|logistics|who we're looking for|what you'll do)\s*[:-]/iu;
const SHOUT_PREFIX_RE =
  /^(?:(?:urgent(?:ly)?|asap|new|hot|now hiring|we(?:'re| are) hiring|hiring(?: now)?|job(?: posting| opening)?|opening|wanted|remote)\s*[!:\-|]*\s*)+/iu;
const HAS_EMOJI = /\p{Extended_Pictographic}/u;
const EMOJI_RE = /\p{Extended_Pictographic}|[\u{1F1E6}-\u{1F1FF}]|\u{FE0F}|\u{200D}|\u{20E3}/gu;

/** Strip decoration from a candidate title line. */
export function cleanTitle(s: string): string {
  let t = s.replace(EMOJI_RE, " ");
  t = t.replace(/^\s*(?:#{1,6}\s+|[-*•>]\s+)/u, "");
  t = t.replace(/\*\*|__|`/g, "");
  t = t.replace(/^\s*\[(?:hiring|urgent|remote|new|job)\]\s*/iu, "");
  t = t.replace(SHOUT_PREFIX_RE, "");
  t = t.replace(/\s+/g, " ").trim();
  t = t.replace(/^[\s\-–—:|]+|[\s\-–—:|,;]+$/gu, "");
  t = t.replace(/([!?.])\1+$/u, "$1");
  const letters = t.replace(/[^\p{L}]/gu, "");
  if (letters.length >= 4 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) t = titleCase(t);
  return t.trim();
}

function wordCount(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}

function acceptable(t: string): boolean {
  return t.length >= 3 && t.length <= 140 && /\p{L}{2}/u.test(t);
}

export function extractTitle(view: TextView): TitleResult | null {
  const lines: { start: number; end: number; text: string }[] = [];
  for (const l of view.lines) {
    const text = view.original.slice(l.start, l.end);
    if (text.trim() !== "") lines.push({ ...l, text });
    if (lines.length >= 10) break;
  }
  if (lines.length === 0) return null;

  // 2. explicit label in the first five non-empty lines
  for (const l of lines.slice(0, 5)) {
    const m = LABEL_RE.exec(l.text);
    if (m?.[1]) {
      const t = cleanTitle(m[1]);
      if (acceptable(t)) return { value: t, confidence: 0.95, source: "label" };
    }
  }

  // 3. first markdown heading (within the first ten lines) or a bold first line
  for (const l of lines.slice(0, 10)) {
    const m = HEADING_RE.exec(l.text);
    if (m?.[1]) {
      const t = cleanTitle(m[1]);
      if (acceptable(t) && !FIELD_LINE_RE.test(t) && !/^(?:about|requirements|responsibilities)\b/iu.test(t))
        return { value: t, confidence: 0.9, source: "heading" };
    }
  }
  const first = lines[0] as { text: string; start: number; end: number };
  const bold = BOLD_RE.exec(first.text);
  if (bold?.[1] && lines.length > 1) {
    const t = cleanTitle(bold[1]);
    if (acceptable(t) && !FIELD_LINE_RE.test(t)) return { value: t, confidence: 0.85, source: "heading" };
  }

  // 4. a title-like first line
  if (lines.length < 2) return null;
  const text = first.text.trim();
  if (/^[-*•>]\s/u.test(text) || /^[$€£₹]|^\d/u.test(text)) return null;
  if (GREETING_RE.test(text) || FIELD_LINE_RE.test(text)) return null;
  if (/:\s*$/u.test(text)) return null;
  const t = cleanTitle(text);
  if (!acceptable(t) || t.length > 110 || wordCount(t) > 16) return null;
  if (/\.\s*$/u.test(t) && wordCount(t) >= 6) return null;
  if (/^(?:we|i|our|you|looking|seeking|need|needed|please|this|the following)\b/iu.test(t) && wordCount(t) > 6)
    return null;
  const noisy = /[!?]/u.test(text) || HAS_EMOJI.test(text) || t.length > 80;
  return { value: t, confidence: noisy ? 0.7 : 0.85, source: "first-line" };
}

/** Generated title, e.g. "German Audio Transcription", "Spanish Text Sentiment Annotation". */
export function generateTitle(parts: {
  language: string | null;
  dataType: string | null;
  labelTitleWord: string | null;
  category: string | null;
}): string {
  const words: string[] = [];
  if (parts.language) words.push(parts.language);
  const task = parts.labelTitleWord;
  const dt = parts.dataType;
  if (dt && !(task && task.toLowerCase().includes(dt.toLowerCase()))) words.push(dt);
  if (task) words.push(task);
  else if (parts.category) {
    const cat = parts.category;
    if (!dt || !cat.toLowerCase().startsWith(dt.toLowerCase())) words.push(cat);
    else words.push("Annotation");
  } else words.push(dt ? "Annotation" : "Data Annotation");
  if (words.length === 1 && words[0] === "Data Annotation") return "Data Annotation Project";
  return words.join(" ");
}
