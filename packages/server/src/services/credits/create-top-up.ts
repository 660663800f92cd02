import { creditTopUps } from "../../db/schema.js";
import { badRequest } from "../../errors.js";
import { newId } from "../../ids.js";
import { iso } from "../../clock.js";
import { requirePaymentProvider } from "../billing/provider.js";
import type { Principal, ServiceContext } from "../context.js";
import { formatUsd } from "../ledger/format.js";
import { TOP_UP_TTL_MS, toTopUp } from "./top-up-view.js";

/** Whole cents of a USD amount already validated to $10–$10,000; fractions of a cent are refused. */
function usdToCents(usd: number): number {
  const cents = Math.round(usd * 100);
  // Binary floats: 19.99 * 100 is 1998.9999999999998, which is still a whole number of cents.
  if (Math.abs(usd * 100 - cents) > 1e-6) {
    throw badRequest(`amountUsd must be whole cents (at most 2 decimal places), got ${usd}.`, { field: "amountUsd" });
  }
  return cents;
}

/**
 * POST /credits/top-ups: a PENDING top-up and the checkout page a human pays it on (24 h on the
 * injected clock). Nothing is charged here; each call creates a new top-up. 503 when no payment
 * provider is configured (production without an adapter).
 */
export async function createTopUp(ctx: ServiceContext, principal: Principal, input: { amountUsd: number }) {
  const provider = requirePaymentProvider(ctx);
  const amountCents = usdToCents(input.amountUsd);
  const now = ctx.clock.now();
  const expiresAt = new Date(now.getTime() + TOP_UP_TTL_MS);
  const id = newId("tu");
  const session = await provider.createCheckoutSession({
    topUpId: id,
    accountId: principal.accountId,
    amountCents,
    expiresAt,
  });
  const [row] = await ctx.db
    .insert(creditTopUps)
    .values({
      id,
      accountId: principal.accountId,
      amountCents,
      status: "PENDING",
      provider: provider.name,
      checkoutSessionId: session.sessionId,
      createdByUserId: principal.userId,
      createdAt: now,
      expiresAt,
    })
    .returning();
  const topUp = toTopUp(row!, now);
  return {
    topUpId: id,
    checkoutUrl: session.url,
    expiresAt: iso(expiresAt),
    topUp,
    message:
      `Top-up of ${formatUsd(amountCents)} created; nothing has been charged. Give checkoutUrl to your human: ` +
      `signed in to OpenTrain, they pay it there before ${iso(expiresAt)} (24 hours). Then poll ` +
      `GET /credits/top-ups/${id} (opentrain_get_credit_top_up) until status is COMPLETED; the credits are ` +
      "available as soon as it is.",
  };
}
