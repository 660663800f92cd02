/**
 * Short pay label of a public job for text surfaces (CLI tables, MCP summaries):
 * `$18/h`, `$15–20/h`, `$0.05/label`, `$500 fixed`. Null when `pay` is not a pay object or has
 * an unknown payment type, so each surface keeps its own placeholder.
 */
export function formatPay(pay: unknown): string | null {
  if (!pay || typeof pay !== "object" || Array.isArray(pay)) return null;
  const p = pay as Record<string, unknown>;
  const currency = typeof p.currency === "string" ? p.currency : "USD";
  const money = (n: unknown) => {
    if (typeof n !== "number") return undefined;
    const amount = n.toLocaleString("en-US", {
      minimumFractionDigits: Number.isInteger(n) ? 0 : 2,
      maximumFractionDigits: 6,
    });
    return currency === "USD" ? `$${amount}` : `${amount} ${currency}`;
  };
  switch (p.paymentType) {
    case "PAY_PER_HOUR": {
      const rate = money(p.hourlyRate);
      if (rate) return `${rate}/h`;
      const min = money(p.hourlyMin);
      const max = money(p.hourlyMax);
      if (min && max) return `${min}–${max.replace(/^\$/, "")}/h`;
      return min ? `from ${min}/h` : max ? `up to ${max}/h` : "hourly";
    }
    case "PAY_PER_LABEL":
      return money(p.perLabelRate) ? `${money(p.perLabelRate)}/label` : "per label";
    case "FIXED_PRICE":
      return money(p.fixedPrice) ? `${money(p.fixedPrice)} fixed` : "fixed price";
    default:
      return null;
  }
}
