let names: Intl.DisplayNames | null = null;

/**
 * Canonical display name of a language: ISO 639-1 codes become English names (`es` →
 * Spanish), everything else is trimmed and title-cased (`english` → English), so filters match.
 */
export function canonicalLanguage(raw: string): string {
  const t = raw.trim().replace(/\s+/g, " ");
  if (/^[a-z]{2}(-[A-Za-z]{2})?$/i.test(t)) {
    names ??= new Intl.DisplayNames(["en"], { type: "language", fallback: "none" });
    try {
      const name = names.of(t.slice(0, 2).toLowerCase());
      if (name) return name;
    } catch {
      /* not a language code: fall through */
    }
  }
  return t
    .split(" ")
    .map((w) => (w.length > 0 ? w[0]!.toUpperCase() + w.slice(1).toLowerCase() : w))
    .join(" ");
}

/** Canonical names, de-duplicated, order kept. */
export function canonicalLanguages(list: readonly string[]): string[] {
  const out: string[] = [];
  for (const l of list) {
    const c = canonicalLanguage(l);
    if (c && !out.includes(c)) out.push(c);
  }
  return out;
}
