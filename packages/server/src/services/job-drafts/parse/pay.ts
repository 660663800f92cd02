/**
 * Pay: payment type, rate, currency and range.
 *
 * 1. Every money amount is found: a number with a currency written before it ("$15", "USD 25", "CA$ 28",
 *    "R$ 40", "₹600") or after it ("35$", "16,50 €", "3,000 EUR", "4 cents"), optionally as a range
 *    ("$15-20", "$40–$60", "15-20 USD", "between $16 and $19") and with a multiplier ("$1.2k").
 * 2. Each amount gets a kind from the words after it — hour ("/hr", "per hour", "an hour", "hourly", "ph",
 *    "p/h", "por hora", "pro Stunde"), unit ("per label/image/utterance/video/audio minute…", "/box"),
 *    period ("/week", "monthly": not a payment type, ignored) or fixed ("for the whole job", "(fixed)",
 *    "total") — or else from the words before it ("Fixed price of", "Budget", "Flat fee", "hourly rate:").
 *    Amounts about the company ("$25M in funding") are dropped.
 * 3. An amount right after another one in parentheses or after "or"/"approx." is secondary (an equivalent or
 *    a per-set total): it never sets the payment type, but a secondary USD amount replaces a non-USD rate
 *    ("€30/hour (approx. $33)" → 33 USD) because rates are stored in USD.
 * 4. The first primary amount wins, except that a "budget" figure yields to an explicit hourly or per-unit
 *    rate stated elsewhere.
 * 5. Range rule: the rate is the LOWER bound (what the client commits to), the range goes to
 *    `derived.payRange`, and a warning says so. "Up to $X" sets X with low confidence; "from $X" sets X.
 * 6. Non-USD rates are stored as written, with the ISO currency in `derived.currency` and a warning.
 * 7. Without any amount, phrases such as "paid per label", "hourly pay", "fixed-price" still set the type.
 */
import { MULT_SOURCE, NUM_SOURCE, multiplierValue, parseNumber } from "./numbers.js";
import { altLiteral, compat, round, sentenceAt, type TextView } from "./text.js";
import { CENT_SUFFIXES, CURRENCY_PREFIXES, CURRENCY_SUFFIXES } from "./vocab/currencies.js";

export type PaymentType = "PAY_PER_HOUR" | "PAY_PER_LABEL" | "FIXED_PRICE";
export type RateKey = "pricePerHour" | "pricePerLabel" | "fixedPrice";
type Kind = "hour" | "unit" | "fixed" | "period" | "unknown";

export const RATE_KEY: Readonly<Record<PaymentType, RateKey>> = {
  PAY_PER_HOUR: "pricePerHour",
  PAY_PER_LABEL: "pricePerLabel",
  FIXED_PRICE: "fixedPrice",
};
const TYPE_BY_KIND: Partial<Record<Kind, PaymentType>> = {
  hour: "PAY_PER_HOUR",
  unit: "PAY_PER_LABEL",
  fixed: "FIXED_PRICE",
};

export interface MoneyMention {
  start: number;
  /** End of the amount (and currency). */
  end: number;
  /** End of the amount plus the unit phrase that classified it. */
  unitEnd: number;
  amount: number;
  max: number | null;
  currency: string;
  kind: Kind;
  bound: "exact" | "upper" | "lower";
  secondary: boolean;
  /** Kind came from a "budget" cue (weaker than an explicit rate). */
  budget: boolean;
  /** How the amount was rewritten, e.g. a rate per 100 items divided down to one item. */
  note: string | null;
  ignored: string | null;
}

export interface PayResult {
  paymentType: PaymentType | null;
  rateKey: RateKey | null;
  rate: number | null;
  currency: string | null;
  payRange: { min: number; max: number } | null;
  confidence: { paymentType?: number; rate?: number };
  warnings: string[];
  mentions: MoneyMention[];
}

const prefixAlt = altLiteral(Object.keys(CURRENCY_PREFIXES));
const suffixAlt = altLiteral([...Object.keys(CURRENCY_SUFFIXES), ...Object.keys(CENT_SUFFIXES)]);
// [prefix currency [symbol]] number [multiplier] [suffix currency] [range separator [prefix] number [multiplier] [suffix]]
// ("pre2" only consumes the symbol in "CAD $28"; the code before it names the currency)
const AMOUNT_RE = new RegExp(
  compat(
    String.raw`(?<![\p{L}\p{N}.,$])(?:(?<pre>${prefixAlt})\s?(?:(?<pre2>[$€£])\s?)?)?(?<n1>${NUM_SOURCE})(?<m1>${MULT_SOURCE})?` +
      String.raw`(?:\s?(?<suf1>${suffixAlt})(?![\p{L}]))?` +
      String.raw`(?:\s*(?<sep>-|to|a|bis|hasta|ate|and|y|e|et|à)\s*(?:(?<pre3>${prefixAlt})\s?)?(?<n2>${NUM_SOURCE})(?<m2>${MULT_SOURCE})?(?:\s?(?<suf2>${suffixAlt})(?![\p{L}]))?)?`,
  ),
  "gd",
);

const HOUR_WORDS = new Set([
  "hour",
  "hours",
  "hr",
  "hrs",
  "h",
  "hora",
  "horas",
  "stunde",
  "std",
  "heure",
  "heures",
  "ora",
  "uur",
]);
const PERIOD_WORDS = new Set([
  "day",
  "days",
  "week",
  "weeks",
  "month",
  "months",
  "year",
  "years",
  "annum",
  "wk",
  "mo",
  "yr",
  "semana",
  "mes",
  "monat",
  "woche",
  "mois",
  "jour",
  "dia",
]);
const FIXED_WORDS = new Set(["project", "job", "batch", "set", "dataset", "contract", "engagement", "total", "lot"]);

const HOURLY_AFTER =
  /^\s*\+?\s*(?:hourly|ph|p\/h|p\.h\.?|\/\s?h|an hour|a hour|per hour|\/\s?hour|\/\s?hr|stundenlohn|de l'heure|a l'heure|par heure|\/\s?heure|de la hora|la hora|por hora|\/\s?hora|pro stunde|die stunde|\/\s?std\.?|all'ora|l'ora|per ora|\/\s?ora|por hora trabalhada)(?![\p{L}])/u;
const PER_AFTER =
  /^\s*\+?\s*(?<sep>\/|per|each|for each|for every|every|por|pro|par|para cada|pour chaque|je|an|a)\s*(?<words>(?:[\p{L}][\p{L}'-]*\s*){1,3})/u;
const PER_N_AFTER =
  /^\s*(?:per|\/|for every|every|for each|por cada|pour|pro)\s*(?<n>\d[\d,.]*)\s*(?<words>(?:[\p{L}][\p{L}'-]*\s*){1,2})/u;
const PERIOD_AFTER = /^\s*(?:daily|weekly|monthly|yearly|annually|a day|a week|a month|pw|pcm|p\.?m\.)(?![\p{L}])/u;
const FIXED_AFTER =
  /^\s*(?:\(\s*fixed\s*\)|fixed|flat|total|in total|all[- ]in|for the (?:whole|entire|full|complete) [\p{L}]+|for the (?:project|batch|job|set|dataset|task|work|lot)|per project|upon completion|on completion|pauschal)(?![\p{L}])/u;
const FIXED_BEFORE =
  /(?<![\p{L}])(?<cue>fixed[- ]?(?:price|fee|budget|rate|payment|pay)|flat[- ]?(?:fee|rate|price)|lump[- ]?sum|one[- ]?time (?:payment|fee)|project (?:fee|price)|festpreis|pauschal[\p{L}]*|precio fijo|preco fixo|prix fixe|forfait|(?<budget>(?:total |overall |project )?budget|presupuesto|orcamento))[^$€£₹₱₦₪¥₩\d\p{L}]{0,6}(?:of|:|is|=|de|von|do)?[^$€£₹₱₦₪¥₩\d]{0,8}$/u;
const HOUR_BEFORE =
  /(?<![\p{L}])(?:hourly(?: rate| pay| wage)?|rate per hour|per hour|stundenlohn|stundensatz|tarifa por hora)\s*(?:rate|pay)?\s*(?:of|:|is|=|at)?\s*(?:about|around|approx\.?|~|up to|from)?\s*$/u;
const UNIT_BEFORE =
  /(?<![\p{L}])(?:per[- ](?:label|task|item|image|annotation|unit|piece)|piece[- ]?rate)\s*(?:rate|pay|price)?\s*(?:of|:|is|=)?\s*$/u;
const UPPER_BEFORE = /(?<![\p{L}])(?:up to|upto|max(?:imum)?\.?|as much as|hasta|bis zu|jusqu'a)\s*$/u;
const LOWER_BEFORE = /(?<![\p{L}])(?:starting (?:at|from)|from|min(?:imum)?\.?|at least|a partir de|ab)\s*$/u;
const COMPANY_AFTER =
  /^\s*(?:in |of )?(?:funding|seed|series [a-e]|raised|revenue|valuation|arr|investment|in sales|users|customers)/u;
const COMPANY_BEFORE =
  /(?<![\p{L}])(?:raised|backed by|funding of|funded with|valuation of|revenue of|investment of)\s*(?:over |more than |about )?$/u;
const PAY_CUE =
  /(?<![\p{L}])(?:pay|paid|payment|rate|compensat|remunerat|salary|wage|earn|fee|vergutung|lohn|pago|pagamento|compenso|tarifa|honorar|remuneration|budget)/u;

const CUE_UNIT =
  /(?:pay|paid|payment|compensat[\p{L}]*|remunerat[\p{L}]*|earn[\p{L}]*)\s+(?:is\s+|will be\s+|are\s+)?(?:made\s+)?(?:per|by the|on a per[- ]?|for each|each)\s*(?:label|task|item|image|annotation|unit|piece|utterance|record|hit|submission|file|clip|video|audio|minute|word|sentence|box)|per[- ](?:label|task|item|annotation|image|unit)\s+(?:basis|pay|payment|rate|pricing|compensation)|piece[- ]?rate|pay[- ]per[- ](?:label|task|item)/u;
const CUE_HOUR =
  /(?:pay|paid|payment|compensat[\p{L}]*)\s+(?:is\s+)?(?:hourly|by the hour|per hour|on an hourly basis)|hourly (?:rate|pay|wage|basis|contract|compensation)/u;
const CUE_FIXED = /fixed[- ]?(?:price|fee|budget)|flat[- ]?fee|lump[- ]?sum|one[- ]?time payment/u;
const CUE_NEGATED = /^[^.;]{0,12}(?:is|are)?\s*(?:not|n't|isn't|aren't)\b/u;

function currencyOf(token: string | undefined): { code: string; cents: boolean } | null {
  if (!token) return null;
  const t = token.trim();
  if (CENT_SUFFIXES[t]) return { code: CENT_SUFFIXES[t] as string, cents: true };
  const code = CURRENCY_PREFIXES[t] ?? CURRENCY_SUFFIXES[t];
  return code ? { code, cents: false } : null;
}

function classifyWords(sep: string, words: string[]): Kind | null {
  const w = words.map((x) => x.replace(/[^\p{L}]/gu, ""));
  const first2 = w.slice(0, 2);
  if (first2.some((x) => HOUR_WORDS.has(x))) return "hour";
  if (first2.some((x) => PERIOD_WORDS.has(x))) return "period";
  if (sep === "a" || sep === "an") return null;
  if (FIXED_WORDS.has(w[0] ?? "")) return "fixed";
  return "unit";
}

/** Finds and classifies every money amount in the text. */
export function findMoney(view: TextView): MoneyMention[] {
  const s = view.lower;
  const out: MoneyMention[] = [];
  AMOUNT_RE.lastIndex = 0;
  for (let m = AMOUNT_RE.exec(s); m !== null; m = AMOUNT_RE.exec(s)) {
    const g = m.groups ?? {};
    const idx = (m as RegExpExecArray & { indices: { groups: Record<string, [number, number] | undefined> } }).indices
      .groups;
    // a code written before a symbol wins ("CAD $28" is Canadian dollars)
    const cur = currencyOf(g.pre) ?? currencyOf(g.suf1) ?? currencyOf(g.pre3) ?? currencyOf(g.suf2);
    if (!cur) {
      // no currency anywhere: not money; resume right after the first number
      AMOUNT_RE.lastIndex = (idx.n1?.[1] ?? m.index + 1) as number;
      continue;
    }
    const n1 = parseNumber(g.n1 as string);
    if (n1 === null) continue;
    let end = m.index + m[0].length;
    let amount = n1 * multiplierValue(g.m1);
    let max: number | null = null;
    if (g.n2 !== undefined) {
      const n2raw = parseNumber(g.n2);
      const before = s.slice(Math.max(0, m.index - 14), m.index);
      const sepOk = !["and", "y", "e", "et"].includes(g.sep ?? "") || /(?:between|entre|zwischen)\s*$/u.test(before);
      const n2 = n2raw === null ? null : n2raw * multiplierValue(g.m2 ?? g.m1);
      if (g.m2 && !g.m1 && n2raw !== null) amount = n1 * multiplierValue(g.m2);
      if (n2 !== null && sepOk && n2 > amount && n2 <= amount * 20) max = n2;
      else {
        // not a range: the amount ends after its own suffix
        end = (idx.suf1?.[1] ?? idx.m1?.[1] ?? idx.n1?.[1] ?? end) as number;
        amount = n1 * multiplierValue(g.m1);
        if (!g.pre && !g.suf1) {
          AMOUNT_RE.lastIndex = (idx.n1?.[1] ?? m.index + 1) as number;
          continue;
        }
        AMOUNT_RE.lastIndex = end;
      }
    }
    if (cur.cents) {
      amount /= 100;
      if (max !== null) max /= 100;
    }
    if (amount <= 0) continue;
    out.push(classify(view, m.index, end, round(amount), max === null ? null : round(max), cur.code));
  }
  markSecondary(view, out);
  return out;
}

function classify(view: TextView, start: number, end: number, amount: number, max: number | null, currency: string) {
  const s = view.lower;
  const sent = sentenceAt(view, start);
  const after = s.slice(end, Math.min(sent.end, end + 60));
  const before = s.slice(Math.max(sent.start, start - 48), start);
  const mention: MoneyMention = {
    start,
    end,
    unitEnd: end,
    amount,
    max,
    currency,
    kind: "unknown",
    bound: "exact",
    secondary: false,
    budget: false,
    ignored: null,
    note: null,
  };
  if (COMPANY_AFTER.test(after) || COMPANY_BEFORE.test(before)) {
    mention.ignored = "company figure";
    return mention;
  }
  let m: RegExpExecArray | null;
  if ((m = PER_N_AFTER.exec(after))) {
    // "1,500 INR per 100 images", "$10 per 1,000 words" → a per-item rate
    const n = parseNumber(m.groups?.n ?? "");
    const words = (m.groups?.words ?? "").trim().split(/\s+/);
    if (n !== null && n > 1 && classifyWords("per", words) === "unit") {
      mention.kind = "unit";
      mention.unitEnd = end + m[0].trimEnd().length;
      mention.note = `Rate "${view.original.slice(start, mention.unitEnd).trim()}" divided by ${n}: ${round(amount / n)} per item`;
      mention.amount = round(amount / n);
      if (mention.max !== null) mention.max = round(mention.max / n);
      return mention;
    }
  }
  if ((m = HOURLY_AFTER.exec(after))) {
    mention.kind = "hour";
    mention.unitEnd = end + m[0].length;
  } else if ((m = PERIOD_AFTER.exec(after))) {
    mention.kind = "period";
    mention.unitEnd = end + m[0].length;
  } else if ((m = FIXED_AFTER.exec(after))) {
    mention.kind = "fixed";
    mention.unitEnd = end + m[0].length;
  } else if ((m = PER_AFTER.exec(after))) {
    const words = (m.groups?.words ?? "").trim().split(/\s+/);
    const kind = classifyWords(m.groups?.sep ?? "", words);
    if (kind) {
      mention.kind = kind;
      mention.unitEnd = end + m[0].trimEnd().length;
    }
  }
  if (mention.kind === "unknown") {
    const fixed = FIXED_BEFORE.exec(before);
    if (fixed) {
      mention.kind = "fixed";
      mention.budget = fixed.groups?.budget !== undefined;
    } else if (HOUR_BEFORE.test(before)) mention.kind = "hour";
    else if (UNIT_BEFORE.test(before)) mention.kind = "unit";
  }
  if (UPPER_BEFORE.test(before)) mention.bound = "upper";
  else if (LOWER_BEFORE.test(before)) mention.bound = "lower";
  return mention;
}

/** An amount that follows another one in the same sentence through "(", "or", "~", "approx." is secondary. */
function markSecondary(view: TextView, list: MoneyMention[]): void {
  for (let i = 1; i < list.length; i++) {
    const prev = list[i - 1] as MoneyMention;
    const cur = list[i] as MoneyMention;
    if (sentenceAt(view, prev.start).start !== sentenceAt(view, cur.start).start) continue;
    const between = view.lower.slice(prev.unitEnd, cur.start);
    if (between.length > 30) continue;
    if (/\(|\bor\b|\bo\b|\bou\b|\boder\b|~|approx|about|around|roughly|equivalent|i\.e|=|\//u.test(between))
      cur.secondary = true;
  }
}

function describe(view: TextView, m: MoneyMention): string {
  return view.original.slice(m.start, m.unitEnd).trim();
}

function globalCue(view: TextView): { kind: Kind; confidence: number } | null {
  const s = view.lower;
  for (const [re, kind] of [
    [CUE_UNIT, "unit"],
    [CUE_HOUR, "hour"],
    [CUE_FIXED, "fixed"],
  ] as const) {
    const m = re.exec(s);
    if (m && !CUE_NEGATED.test(s.slice(m.index + m[0].length))) return { kind, confidence: 0.75 };
  }
  return null;
}

export function extractPay(view: TextView): PayResult {
  const mentions = findMoney(view);
  const warnings: string[] = [];
  const result: PayResult = {
    paymentType: null,
    rateKey: null,
    rate: null,
    currency: null,
    payRange: null,
    confidence: {},
    warnings,
    mentions,
  };
  const usable = mentions.filter((m) => m.ignored === null);
  let primary = usable.filter((m) => !m.secondary && (m.kind === "hour" || m.kind === "unit" || m.kind === "fixed"));
  let chosen: MoneyMention | undefined = primary[0];
  let inferred = false;
  if (chosen?.budget) {
    const rate = primary.find((m) => m.kind === "hour" || m.kind === "unit");
    if (rate) chosen = rate;
  }
  const cue = globalCue(view);
  if (!chosen) {
    // an amount without a unit, in a sentence about pay
    primary = usable.filter(
      (m) =>
        !m.secondary &&
        m.kind === "unknown" &&
        PAY_CUE.test(view.lower.slice(sentenceAt(view, m.start).start, m.start + 1)),
    );
    chosen = primary[0];
    if (chosen) {
      inferred = true;
      chosen = { ...chosen, kind: cue?.kind ?? (chosen.amount >= 250 ? "fixed" : "hour") };
      warnings.push(
        `Pay "${describe(view, chosen)}" has no unit; read as ${chosen.kind === "hour" ? "hourly" : chosen.kind === "unit" ? "per label" : "a fixed price"}`,
      );
    }
  }
  if (!chosen) {
    if (cue) {
      result.paymentType = TYPE_BY_KIND[cue.kind] ?? null;
      result.confidence.paymentType = cue.confidence;
    }
    const periods = usable.filter((m) => m.kind === "period");
    if (periods[0])
      warnings.push(`Pay "${describe(view, periods[0])}" is per day/week/month: no matching payment type`);
    return result;
  }

  const type = TYPE_BY_KIND[chosen.kind] as PaymentType;
  if (chosen.note) warnings.push(chosen.note);
  let value = chosen.amount;
  let currency = chosen.currency;
  let rateConfidence = inferred ? 0.45 : 0.95;
  if (chosen.max !== null) {
    result.payRange = { min: chosen.amount, max: chosen.max };
    rateConfidence = Math.min(rateConfidence, 0.85);
    warnings.push(
      `Range "${describe(view, chosen)}": ${RATE_KEY[type]} set to the lower bound ${chosen.amount}; the range is in payRange`,
    );
  }
  if (chosen.bound === "upper") {
    rateConfidence = Math.min(rateConfidence, 0.55);
    warnings.push(
      `Only an upper bound was given ("up to ${describe(view, chosen)}"): ${RATE_KEY[type]} set to ${value}`,
    );
  }
  if (currency !== "USD") {
    const start = chosen.start;
    const next = mentions[mentions.findIndex((m) => m.start === start) + 1];
    if (next && next.secondary && next.currency === "USD" && (next.kind === "unknown" || next.kind === chosen.kind)) {
      warnings.push(
        `Rate given as "${describe(view, chosen)}" with a USD equivalent "${describe(view, next)}": stored the USD figure ${next.amount}`,
      );
      value = next.amount;
      currency = "USD";
      result.payRange = next.max !== null ? { min: next.amount, max: next.max } : null;
      rateConfidence = Math.min(rateConfidence, 0.75);
    } else {
      warnings.push(`Rate given in ${currency}; stored as-is (${value}), payments are in USD`);
      rateConfidence = Math.min(rateConfidence, 0.55);
    }
  }
  const others = usable.filter(
    (m) =>
      m !== chosen &&
      m.start !== chosen?.start &&
      !m.secondary &&
      TYPE_BY_KIND[m.kind] &&
      TYPE_BY_KIND[m.kind] !== type,
  );
  if (others[0]) warnings.push(`Another pay figure was ignored: "${describe(view, others[0])}"`);

  result.paymentType = type;
  result.rateKey = RATE_KEY[type];
  result.rate = value;
  result.currency = currency;
  result.confidence.paymentType = inferred ? 0.5 : others.length > 0 ? 0.8 : 0.95;
  result.confidence.rate = rateConfidence;
  return result;
}
