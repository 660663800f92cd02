import { badRequest } from "../../errors.js";

/** Largest milestone the API takes (USD 1,000,000), in cents. */
export const MAX_MILESTONE_CENTS = 100_000_000;

/** USD → integer cents; a value with a fraction of a cent is refused rather than rounded. */
export function centsOfUsd(usd: number, field: string): number {
  const cents = Math.round(usd * 100);
  if (!Number.isFinite(usd) || Math.abs(usd * 100 - cents) > 1e-6) {
    throw badRequest(`${field} must be a USD amount in whole cents (at most 2 decimals), e.g. 300 or 149.99.`, {
      field,
    });
  }
  if (cents <= 0) throw badRequest(`${field} must be more than 0.`, { field });
  if (cents > MAX_MILESTONE_CENTS) throw badRequest(`${field} must be at most 1000000 (USD).`, { field });
  return cents;
}

/** rate (micro-dollars per hour or label) × volume, in cents, rounded half-up. */
export function centsForVolume(rateMicros: number, volume: number): number {
  return Math.round((rateMicros * volume) / 10_000);
}

/** `2026-07-01` stays as it is; any other date text Date.parse reads becomes its ISO timestamp. */
export function normalizeDueDate(text: string | undefined | null, field: string): string | null {
  if (text === undefined || text === null || text.trim() === "") return null;
  const t = text.trim();
  const ms = Date.parse(t);
  if (Number.isNaN(ms)) throw badRequest(`${field} must be a date such as 2026-07-01.`, { field });
  return /^\d{4}-\d{2}-\d{2}$/.test(t) ? t : new Date(ms).toISOString();
}
