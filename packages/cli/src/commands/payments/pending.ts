import { operations } from "@opentrain-ai/contract";
import { renderTable } from "../../output/table.js";
import { requestMoney } from "../approvals/advice.js";
import { isObj, objects, str, usdOrDash } from "../approvals/render.js";
import { asObject } from "../jobs/common.js";
import type { RunFn } from "../types.js";

const op = operations.paymentsPending;

/** `opentrain payments pending` → GET /payments/pending: invoices still in flight (a pure read). */
export const run: RunFn = async (ctx) => {
  const res = await requestMoney(ctx, op, {});
  if (ctx.json) {
    ctx.printJson(res.body);
    return;
  }
  const payments = objects(asObject(res.body).payments);
  const io = ctx.io;
  if (payments.length === 0) {
    io.println("No pending payments.");
    return;
  }
  io.out(
    renderTable(io, {
      headers: ["ID", "STATUS", "KIND", "AMOUNT", "JOB", "MILESTONE", "CREATED"],
      rows: payments.map((p) => {
        const job = isObj(p.job) ? p.job : {};
        const m = isObj(p.milestone) ? p.milestone : {};
        return [
          str(p.id) ?? "-",
          str(p.status) ?? "-",
          str(p.invoiceKind) ?? "-",
          usdOrDash(p.amountUsd),
          str(job.title) ? `${str(job.title)} (${str(job.id) ?? "-"})` : (str(job.id) ?? "-"),
          str(m.name) ? `${str(m.name)} (${str(m.id) ?? "-"})` : (str(m.id) ?? "-"),
          str(p.createdAt) ?? "-",
        ];
      }),
    }),
  );
};
