/**
 * Internal control markers the interview engine leaves in a transcript: `[[q:3]]`,
 * `[[score:72]]`, `<|end_of_turn|>`, `<!-- rubric … -->`, and whole `[internal] …` or
 * `#internal …` lines. None of it is for the employer (spec 30 §0.4).
 */
const INLINE_MARKERS: readonly RegExp[] = [/\[\[[^\]\n]{0,200}\]\]/g, /<\|[^|\n]{0,200}\|>/g, /<!--[\s\S]*?-->/g];
const MARKER_LINE = /^[ \t]*(?:\[internal\]|#internal\b|\[system\])[^\n]*(?:\n|$)/gim;

/** Removes control markers and tidies the spaces they leave. */
export function stripControlMarkers(text: string): string {
  let out = text.replace(MARKER_LINE, "");
  for (const re of INLINE_MARKERS) out = out.replace(re, " ");
  return out
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n[ \t]+/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .replace(/[ \t]{2,}/g, " ")
    .trim();
}
