/** Small text helpers of the simulator. */

const labelKeys = new Map<string, string>();

/** Label names compared loosely: case, punctuation and plurals ignored ("Bounding Boxes" = "bounding box"). */
export function labelKey(s: string): string {
  let key = labelKeys.get(s);
  if (key === undefined) {
    // Memoised (a plan compares the same few labels for every trainer), bounded for free text.
    if (labelKeys.size >= 5_000) labelKeys.clear();
    key = computeLabelKey(s);
    labelKeys.set(s, key);
  }
  return key;
}

function computeLabelKey(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .map((w) =>
      w.length > 4 && /(x|s|ch|sh)es$/.test(w)
        ? w.slice(0, -2)
        : w.length > 3 && w.endsWith("s") && !w.endsWith("ss")
          ? w.slice(0, -1)
          : w,
    )
    .join(" ");
}

/** True when two label names mean the same thing, or one contains the other ("Box" ~ "Bounding Box"). */
export function sameLabel(a: string, b: string): boolean {
  const ka = labelKey(a);
  const kb = labelKey(b);
  if (!ka || !kb) return false;
  return ka === kb || ` ${ka} `.includes(` ${kb} `) || ` ${kb} `.includes(` ${ka} `);
}

/** Items of `wanted` that some item of `have` matches. */
export function overlap(wanted: readonly string[], have: readonly string[]): string[] {
  return wanted.filter((w) => have.some((h) => sameLabel(w, h)));
}

/** "a", "a and b", "a, b and c". */
export function listText(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/** Lower case for running text, keeping acronyms and codes ("Named Entity Recognition" → "named entity recognition", "RLHF" stays). */
export const lower = (s: string) =>
  s
    .split(" ")
    .map((w) => (/[a-z]/.test(w) ? w.toLowerCase() : w))
    .join(" ");
export const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** First sentence of a text, at most `max` characters. */
export function firstSentence(text: string, max = 160): string {
  const s = text.trim().split(/(?<=[.!?])\s+/)[0] ?? "";
  return s.length > max ? `${s.slice(0, max - 1).trimEnd()}…` : s;
}

/** USD amount as people write it: $15, $15.50, $0.045. */
export function usd(amount: number): string {
  if (Number.isInteger(amount)) return `$${amount}`;
  if (amount >= 1) return `$${amount.toFixed(2)}`;
  return `$${amount.toFixed(3).replace(/0+$/, "")}`;
}
