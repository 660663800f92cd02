/**
 * Labeling software (`labelingSoftware`, a single string). The first named tool in the text wins; further
 * tools are listed in a warning. Mentions that describe past experience ("previous experience with Appen
 * a plus") do not count; "must know X or similar" does. A post that only says the work happens in the
 * client's own tool ("our in-house editor", "our own web platform") gets "OTHER".
 */
import { alt, findAll, findKeyed, keyed, labelledSpans, sentenceAt, wordRe, type Span, type TextView } from "./text.js";
import { IN_HOUSE_PATTERN, IN_HOUSE_TOOL, TOOLS, TOOL_LABELS } from "./vocab/tools.js";

export interface ToolsResult {
  tool: string | null;
  all: string[];
  confidence: number;
  warnings: string[];
  /** Spans of tool names (other extractors must not read "Segments.ai" as segmentation). */
  spans: Span[];
}

const TOOL_RE = keyed(TOOLS.map((t) => [t.name, alt(t.patterns)] as const));
const IN_HOUSE_RE = wordRe(IN_HOUSE_PATTERN);
const PAST_CUE =
  /(?:previous|prior|past|former)\s+(?:[\p{L}]+\s+){0,2}experience|a plus|nice to have|is a bonus|preferred but not required/u;

export function extractTools(view: TextView): ToolsResult {
  const s = view.lower;
  const hits: { name: string; start: number }[] = [];
  const spans: Span[] = [];
  for (const m of findKeyed(TOOL_RE, s)) {
    spans.push(m);
    const sent = sentenceAt(view, m.start);
    if (PAST_CUE.test(s.slice(sent.start, sent.end))) continue;
    hits.push({ name: m.key, start: m.start });
  }
  hits.sort((a, b) => a.start - b.start);
  const all = [...new Set(hits.map((h) => h.name))];
  const warnings: string[] = [];
  if (all.length > 1) warnings.push(`Several tools mentioned (${all.join(", ")}); labelingSoftware set to ${all[0]}`);
  if (all[0]) return { tool: all[0], all, confidence: all.length > 1 ? 0.7 : 0.9, warnings, spans };
  if (findAll(IN_HOUSE_RE, s).length > 0) return { tool: IN_HOUSE_TOOL, all, confidence: 0.6, warnings, spans };
  // a labelled value that is not in the vocabulary: "Tool: Subtitle Edit or similar"
  for (const span of labelledSpans(view, TOOL_LABELS)) {
    const value = view.original
      .slice(span.start, span.end)
      .split(/\s+(?:or|and|\/)\s+(?:similar|equivalent|other)|[(,;]|\.(?:\s|$)/u)[0]
      ?.trim();
    if (!value || value.length > 40 || !/\p{L}/u.test(value) || /^(?:none|n\/a|tbd|any)$/iu.test(value)) continue;
    if (/^(?:our|in-house|internal|proprietary)\b/iu.test(value))
      return { tool: IN_HOUSE_TOOL, all, confidence: 0.6, warnings, spans };
    return { tool: value, all: [value], confidence: 0.6, warnings, spans };
  }
  return { tool: null, all, confidence: 0, warnings, spans };
}
