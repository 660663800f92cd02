import { RATE_KEY_FOR_PAYMENT_TYPE } from "@opentrain-ai/contract";
import { setImported } from "./coerce.js";
import type { SalaryText } from "./text-utils.js";
import { previewValue, type ImportResult } from "./types.js";

/** Sets paymentType, its rate and (for a range) budgetRange from a structured pay statement. */
export function applyPay(result: ImportResult, pay: SalaryText, path: string, raw: unknown): void {
  if (!pay.paymentType) {
    result.unmappedFields.push({
      path,
      reason: "pay period not recognised: use an hourly, per-label or fixed amount",
      valuePreview: previewValue(raw),
    });
    return;
  }
  if (pay.amount === undefined) {
    result.unmappedFields.push({ path, reason: "no pay amount found", valuePreview: previewValue(raw) });
    return;
  }
  setImported(result, "paymentType", pay.paymentType, path);
  setImported(result, RATE_KEY_FOR_PAYMENT_TYPE[pay.paymentType], pay.amount, path);
  if (pay.min !== undefined && pay.max !== undefined && pay.min !== pay.max) {
    setImported(result, "budgetRange", { min: pay.min, max: pay.max }, path);
    result.lowConfidenceFields.push({
      field: RATE_KEY_FOR_PAYMENT_TYPE[pay.paymentType],
      value: pay.amount,
      reason: `a range was given (${pay.min}–${pay.max}); the lower bound was used as the rate`,
    });
  }
  if (pay.currency && pay.currency !== "USD") {
    result.warnings.push(`Pay is stated in ${pay.currency}; OpenTrain rates are in USD. Confirm the USD amount.`);
    result.lowConfidenceFields.push({
      field: RATE_KEY_FOR_PAYMENT_TYPE[pay.paymentType],
      value: pay.amount,
      reason: `stated in ${pay.currency}, not USD`,
    });
  }
}
