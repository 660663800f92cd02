/**
 * Dollar amounts for text surfaces (CLI output, MCP summaries). The API carries money as integer
 * cents (credits, ledger, top-ups) or USD numbers (milestones, contracts, pending payments);
 * both print as `$1,234.56`. Formatting only: no arithmetic on floats happens here.
 */

const usd = (abs: number, maxDigits: number) =>
  abs.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: maxDigits });

/**
 * Integer cents as dollars: `$1,234.56`, `-$12.00`; with `signed`, `+$50.00` for a credit (ledger
 * entries, whose sign is their effect on the available balance).
 */
export function formatCents(cents: number, opts: { signed?: boolean } = {}): string {
  if (!Number.isFinite(cents)) return "-";
  const whole = Math.trunc(Math.abs(cents));
  const text = `$${Math.floor(whole / 100).toLocaleString("en-US")}.${String(whole % 100).padStart(2, "0")}`;
  if (cents < 0) return `-${text}`;
  return opts.signed && cents > 0 ? `+${text}` : text;
}

/**
 * A USD amount: `$300.00`, `$1,250.50`; sub-cent amounts keep their digits (`$0.005`, a per-label
 * rate) so nothing is silently rounded.
 */
export function formatUsd(amount: number): string {
  if (!Number.isFinite(amount)) return "-";
  const text = `$${usd(Math.abs(amount), 6)}`;
  return amount < 0 ? `-${text}` : text;
}
