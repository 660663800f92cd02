import { isRegionCode } from "@opentrain-ai/contract";

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/** Decodes the common named and numeric HTML entities. */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ent: string) => {
    if (ent[0] === "#") {
      const code = ent[1]?.toLowerCase() === "x" ? parseInt(ent.slice(2), 16) : parseInt(ent.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[ent.toLowerCase()] ?? whole;
  });
}

/** HTML (feed descriptions) to plain text with paragraph and list breaks kept. */
export function htmlToText(html: string): string {
  if (!/<[a-z!/][^>]*>/i.test(html)) return decodeEntities(html).trim();
  return decodeEntities(
    html
      .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, "")
      .replace(/<br\s*\/?>/gi, "\n")
      .replace(/<li[^>]*>/gi, "\n- ")
      .replace(/<\/(p|div|h[1-6]|ul|ol|section|article)>/gi, "\n\n")
      .replace(/<[^>]+>/g, ""),
  )
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .replace(/[ \t]{2,}/g, " ")
    .trim();
}

let regionByName: Map<string, string> | null = null;

/** ISO 3166-1 alpha-2 code for a code or an English country name (`Germany` → DE); null if unknown. */
export function countryCode(raw: string): string | null {
  const t = raw.trim();
  if (/^[A-Za-z]{2}$/.test(t)) return t.toUpperCase() === "UK" ? "GB" : t.toUpperCase();
  if (!regionByName) {
    regionByName = new Map();
    const names = new Intl.DisplayNames(["en"], { type: "region", fallback: "none" });
    for (let a = 65; a <= 90; a++) {
      for (let b = 65; b <= 90; b++) {
        const code = String.fromCharCode(a, b);
        try {
          const name = names.of(code);
          // First code wins (FR before the exceptional FX, both "France"); only real countries.
          if (name && isRegionCode(code) && !regionByName.has(name.toLowerCase()))
            regionByName.set(name.toLowerCase(), code);
        } catch {
          /* not a region */
        }
      }
    }
    for (const [alias, code] of [
      ["usa", "US"],
      ["united states of america", "US"],
      ["uk", "GB"],
      ["england", "GB"],
      ["great britain", "GB"],
    ] as const) {
      regionByName.set(alias, code);
    }
  }
  return regionByName.get(t.toLowerCase().replace(/^the\s+/, "")) ?? null;
}

/** A number from a number or numeric text (`"$1,500.50"` → 1500.5); null otherwise. */
export function toNumber(value: unknown): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value !== "string") return null;
  const m = /-?\d[\d,]*(?:\.\d+)?|-?\.\d+/.exec(value.replace(/\s/g, ""));
  if (!m) return null;
  const n = Number(m[0].replace(/,/g, ""));
  return Number.isFinite(n) ? n : null;
}

export interface SalaryText {
  paymentType?: "PAY_PER_HOUR" | "PAY_PER_LABEL" | "FIXED_PRICE";
  amount?: number;
  min?: number;
  max?: number;
  currency?: string;
}

/** Reads feed salary text such as `$15 per hour`, `15-20 USD/hr`, `$0.05 per label`, `$500 fixed`. */
export function parseSalaryText(text: string): SalaryText {
  const out: SalaryText = {};
  const t = text.toLowerCase();
  if (/\b(per|an|\/)\s*(hour|hr|h)\b|hourly/.test(t)) out.paymentType = "PAY_PER_HOUR";
  else if (/\b(per|\/)\s*(label|annotation|task|item|image|file)\b/.test(t)) out.paymentType = "PAY_PER_LABEL";
  else if (/\bfixed\b|\bflat\b|\btotal\b|\bper project\b/.test(t)) out.paymentType = "FIXED_PRICE";
  if (/\$|usd/.test(t)) out.currency = "USD";
  else if (/€|eur/.test(t)) out.currency = "EUR";
  else if (/£|gbp/.test(t)) out.currency = "GBP";
  const nums = [...t.replace(/,(?=\d{3}\b)/g, "").matchAll(/\d+(?:\.\d+)?|\.\d+/g)].map((m) => Number(m[0]));
  if (nums.length >= 2 && /\d\s*(-|–|to)\s*[$€£]?\s*\d/.test(t)) {
    out.min = Math.min(nums[0]!, nums[1]!);
    out.max = Math.max(nums[0]!, nums[1]!);
    out.amount = out.min;
  } else if (nums.length >= 1) {
    out.amount = nums[0]!;
  }
  return out;
}
