import { and, desc, eq, isNull } from "drizzle-orm";
import { iso } from "../../clock.js";
import { paymentMethods } from "../../db/schema.js";
import type { ServiceContext } from "../context.js";

export type PaymentMethodRow = typeof paymentMethods.$inferSelect;

/** A saved card as shown to the account (never the number: brand and last four digits only). */
export interface PaymentMethodView {
  id: string;
  type: "card";
  brand: string;
  last4: string;
  expMonth: number | null;
  expYear: number | null;
  createdAt: string;
}

export function toPaymentMethodView(row: PaymentMethodRow): PaymentMethodView {
  return {
    id: row.id,
    type: "card",
    brand: row.brand,
    last4: row.last4,
    expMonth: row.expMonth,
    expYear: row.expYear,
    createdAt: iso(row.createdAt),
  };
}

/** The account's saved cards, newest first. */
export async function listPaymentMethods(ctx: ServiceContext, accountId: string): Promise<PaymentMethodRow[]> {
  return ctx.db
    .select()
    .from(paymentMethods)
    .where(and(eq(paymentMethods.accountId, accountId), isNull(paymentMethods.removedAt)))
    .orderBy(desc(paymentMethods.createdAt), desc(paymentMethods.id));
}

/** The card a card payment is charged to: the most recently saved one; null when none is saved. */
export async function defaultPaymentMethod(ctx: ServiceContext, accountId: string): Promise<PaymentMethodRow | null> {
  const [row] = await ctx.db
    .select()
    .from(paymentMethods)
    .where(and(eq(paymentMethods.accountId, accountId), isNull(paymentMethods.removedAt)))
    .orderBy(desc(paymentMethods.createdAt), desc(paymentMethods.id))
    .limit(1);
  return row ?? null;
}
