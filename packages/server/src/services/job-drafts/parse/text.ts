/**
 * Text view shared by every extractor: three copies of the post with identical length, so a match found in
 * one can be sliced from another.
 *
 *  - `original`: NFC, line breaks unified; used to cut out display text (titles).
 *  - `raw`: `original` with 1:1 character clean-up (dashes → "-", curly quotes → straight, odd spaces →
 *    " ", "≈" → "~"); used where letter case matters (codes such as "US", "FR/DE").
 *  - `lower`: `raw` lower-cased with accents removed ("Español" → "espanol", "México" → "mexico"); used for
 *    all vocabulary matching.
 */
export interface Span {
  start: number;
  end: number;
}

export interface TextView {
  original: string;
  raw: string;
  lower: string;
  /** Letters are mostly capitals (a shouting post): "US" may be the pronoun, case carries no signal. */
  shouting: boolean;
  /** Letters are (almost) all lower case: capitalisation carries no signal either. */
  caseless: boolean;
  lines: Span[];
  sentences: Span[];
}

const CLEAN: Readonly<Record<string, string>> = {
  "\u2010": "-",
  "\u2011": "-",
  "\u2012": "-",
  "\u2013": "-",
  "\u2014": "-",
  "\u2015": "-",
  "\u2212": "-",
  "\u2018": "'",
  "\u2019": "'",
  "\u201A": "'",
  "\u2032": "'",
  "\u201C": '"',
  "\u201D": '"',
  "\u201E": '"',
  "\u00A0": " ",
  "\u2007": " ",
  "\u2009": " ",
  "\u200A": " ",
  "\u202F": " ",
  "\u3000": " ",
  "\u200B": " ",
  "\u200C": " ",
  "\u200D": " ",
  "\uFEFF": " ",
  "\t": " ",
  "\u2248": "~",
  "\uFF04": "$",
  "\u2044": "/",
  "\u2215": "/",
};

const foldCache = new Map<string, string>();

/** Lower-case and strip accents from one UTF-16 code unit, keeping the length at exactly one. */
function foldUnit(c: string): string {
  const code = c.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : c;
  let f = foldCache.get(c);
  if (f === undefined) {
    const lc = c.toLowerCase();
    if (lc.length !== 1) f = c;
    else {
      const base = lc.normalize("NFD").replace(/\p{M}+/gu, "");
      f = base.length === 1 ? base : lc;
    }
    foldCache.set(c, f);
  }
  return f;
}

const ABBREVIATIONS = new Set([
  "approx",
  "appr",
  "ca",
  "e.g",
  "i.e",
  "eg",
  "ie",
  "etc",
  "vs",
  "min",
  "max",
  "no",
  "nr",
  "avg",
  "incl",
  "excl",
  "dr",
  "mr",
  "mrs",
  "ms",
  "st",
  "u.s",
  "u.k",
  "jr",
  "sr",
  "est",
  "p.h",
  "hr",
  "hrs",
  "yrs",
  "exp",
  "pref",
  "req",
  "dept",
]);

const CLEAN_RE = new RegExp(
  `[${Object.keys(CLEAN)
    .map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)
    .join("")}]`,
  "g",
);

export function buildView(text: string): TextView {
  const original = text.normalize("NFC").replace(/\r\n?/g, "\n");
  const raw = original.replace(CLEAN_RE, (c) => CLEAN[c] as string);
  // ASCII is lower-cased in bulk; every other code unit goes through the (cached, length-preserving) fold
  const lower = raw.replace(/[A-Z]+/g, (w) => w.toLowerCase()).replace(/[\u0080-\uffff]/g, foldUnit);
  let upper = 0;
  let lowerCount = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 65 && c <= 90) upper++;
    else if (c >= 97 && c <= 122) lowerCount++;
  }
  const letters = upper + lowerCount;
  const shouting = letters >= 20 && upper / letters > 0.7;
  const caseless = letters >= 20 && upper / letters < 0.02;

  const lines: Span[] = [];
  for (let start = 0; start <= raw.length;) {
    const nl = raw.indexOf("\n", start);
    const end = nl === -1 ? raw.length : nl;
    lines.push({ start, end });
    start = end + 1;
  }

  const sentences: Span[] = [];
  const puncts: number[] = [];
  const PUNCT = /[.!?;](?= |\n|$)/g;
  for (let p = PUNCT.exec(raw); p !== null; p = PUNCT.exec(raw)) puncts.push(p.index);
  let k = 0;
  for (const line of lines) {
    let s = line.start;
    while (k < puncts.length && (puncts[k] as number) < line.start) k++;
    for (; k < puncts.length && (puncts[k] as number) < line.end; k++) {
      const i = puncts[k] as number;
      const c = raw[i];
      if (c === ".") {
        const word = /([\p{L}.]+)$/u.exec(lower.slice(Math.max(line.start, i - 8), i))?.[1] ?? "";
        if (ABBREVIATIONS.has(word) || /^\p{L}$/u.test(word)) continue;
        let j = i + 1;
        while (j < line.end && raw[j] === " ") j++;
        const after = raw[j];
        if (after !== undefined && j < line.end && /[\p{Ll}]/u.test(after)) continue;
      }
      sentences.push({ start: s, end: i + 1 });
      s = i + 1;
    }
    if (s < line.end) sentences.push({ start: s, end: line.end });
  }

  return { original, raw, lower, shouting, caseless, lines, sentences };
}

/** The sentence (or line fragment) containing `pos`. */
export function sentenceAt(view: TextView, pos: number): Span {
  const list = view.sentences;
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = list[mid] as Span;
    if (pos < s.start) hi = mid - 1;
    else if (pos >= s.end) lo = mid + 1;
    else return s;
  }
  return { start: pos, end: pos };
}

/** The line containing `pos`. */
export function lineAt(view: TextView, pos: number): Span {
  for (const l of view.lines) if (pos >= l.start && pos <= l.end) return l;
  return { start: pos, end: pos };
}

export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

/** Alternation of regular-expression sources, longest first so that longer phrases win. */
export function alt(sources: Iterable<string>): string {
  return [...new Set(sources)].sort((a, b) => b.length - a.length).join("|");
}

interface Trie {
  end: boolean;
  next: Map<string, Trie>;
}

function trieSource(node: Trie): string {
  const branches = [...node.next.entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([ch, child]) => escapeRe(ch) + trieSource(child))
    .filter((b) => b !== "");
  if (branches.length === 0) return "";
  const body = branches.length === 1 ? (branches[0] as string) : `(?:${branches.join("|")})`;
  if (!node.end) return body;
  return branches.length === 1 && (branches[0] as string).length === 1 ? `${body}?` : `(?:${body})?`;
}

/**
 * Alternation of literal strings, compiled as a trie ("span(?:ish|ien)") so the engine does not retry
 * hundreds of alternatives at every word start. Matches the longest listed string at a position, provided
 * the caller's boundary check after it holds (backtracking falls back to shorter entries).
 */
export function altLiteral(words: Iterable<string>): string {
  const root: Trie = { end: false, next: new Map() };
  for (const w of new Set(words)) {
    if (!w) continue;
    let node = root;
    for (const ch of w) {
      let child = node.next.get(ch);
      if (!child) {
        child = { end: false, next: new Map() };
        node.next.set(ch, child);
      }
      node = child;
    }
    node.end = true;
  }
  return trieSource(root);
}

export interface Keyed<K> {
  re: RegExp;
  keys: K[];
}

/**
 * One regular expression for many keyed sources: alternatives are tried in the given order at each
 * position (earlier entries win), bounded by non-letters/digits. Each source becomes one numbered group,
 * so the sources themselves must not capture (use `(?:…)`).
 */
export function keyed<K>(entries: readonly (readonly [K, string])[]): Keyed<K> {
  for (const [, src] of entries) {
    if ((new RegExp(`${compat(src)}|`).exec("") as RegExpExecArray).length !== 1)
      throw new Error(`keyed(): source must not contain capturing groups: ${src}`);
  }
  const body = entries.map(([, src]) => `(${src})`).join("|");
  return { re: wordRe(body), keys: entries.map(([k]) => k) };
}

/** All matches of a keyed expression, each with the key of the alternative that matched. */
export function findKeyed<K>(k: Keyed<K>, s: string): (Span & { key: K; text: string })[] {
  const out: (Span & { key: K; text: string })[] = [];
  const n = k.keys.length;
  k.re.lastIndex = 0;
  for (let m = k.re.exec(s); m !== null; m = k.re.exec(s)) {
    for (let i = 1; i <= n; i++) {
      if (m[i] !== undefined) {
        out.push({ start: m.index, end: m.index + m[0].length, key: k.keys[i - 1] as K, text: m[0] });
        break;
      }
    }
  }
  return out;
}

/**
 * Letters, as a character-class body. Vocabulary regexes run over the folded text without the unicode flag
 * (property escapes such as \p{L} make every boundary check several times slower), so a "letter" is ASCII
 * a-z/A-Z plus the script blocks that hold letters: Latin-1/Extended (ß, ø, ł survive folding), Greek to
 * Ethiopic/Khmer, kana and CJK, Hangul. General punctuation, currency symbols and emoji are not letters.
 */
export const L = "A-Za-z\\u00c0-\\u024f\\u0370-\\u1fff\\u3040-\\u9fff\\uac00-\\ud7af\\uf900-\\ufaff";

/** Rewrites \p{L} / \p{N} in a regular-expression source for non-unicode mode. */
export function compat(source: string): string {
  return source.replace(/\\p\{L\}/g, L).replace(/\\p\{N\}/g, "0-9");
}

/** A global regular expression for `source` bounded by non-letters/digits on both sides. */
export function wordRe(source: string, flags = "g"): RegExp {
  return new RegExp(`(?<![${L}0-9])(?:${compat(source)})(?![${L}0-9])`, flags);
}

export interface Match extends Span {
  text: string;
  groups: Record<string, string | undefined>;
  m: RegExpExecArray;
}

export function findAll(re: RegExp, s: string, from = 0, to = s.length): Match[] {
  const out: Match[] = [];
  re.lastIndex = from;
  for (let m = re.exec(s); m !== null; m = re.exec(s)) {
    if (m.index >= to) break;
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0], groups: m.groups ?? {}, m });
  }
  return out;
}

export function overlaps(a: Span, spans: readonly Span[]): boolean {
  return spans.some((b) => a.start < b.end && b.start < a.end);
}

/** "Data Annotation" from "DATA ANNOTATION" or "data annotation". */
export function titleCase(s: string): string {
  const small = new Set(["a", "an", "and", "or", "of", "for", "in", "on", "to", "the", "with", "by", "per", "at"]);
  return s
    .toLowerCase()
    .split(/(\s+)/)
    .map((w, i) => (i > 0 && small.has(w) ? w : w.charAt(0).toUpperCase() + w.slice(1)))
    .join("");
}

export function round(n: number, digits = 6): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** Lower-case and accent-fold a whole string the way `TextView.lower` is built (for vocabulary entries). */
export function foldString(s: string): string {
  let out = "";
  for (let i = 0; i < s.length; i++) out += foldUnit(CLEAN[s[i] as string] ?? (s[i] as string));
  return out;
}

/** First sentence-level "Label: value" whose label matches `labels`; returns the value span. */
export function labelledSpans(view: TextView, labels: string): Span[] {
  const re = new RegExp(`^[\\s\\-*•>#]*(?:\\*\\*|__)?(?:${labels})(?:\\*\\*|__)?\\s*[:=]\\s*`, "u");
  const out: Span[] = [];
  for (const s of view.sentences) {
    const text = view.lower.slice(s.start, s.end);
    const m = re.exec(text);
    if (m) out.push({ start: s.start + m[0].length, end: s.end });
  }
  return out;
}
