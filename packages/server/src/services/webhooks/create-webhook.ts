import {
  EVENT_TYPE_SCOPES,
  EVENT_TYPES,
  WEBHOOKS_PER_ACCOUNT,
  hasScope,
  sortScopes,
  type EventType,
  type Webhook,
} from "@opentrain-ai/contract";
import { count, eq } from "drizzle-orm";
import { accounts, webhookSubscriptions } from "../../db/schema.js";
import { conflict, forbidden } from "../../errors.js";
import { newId, randomBase62 } from "../../ids.js";
import { withTransaction, type Principal, type ServiceContext } from "../context.js";
import { sealSecret } from "../secrets/secret-box.js";
import { checkTargetUrl } from "./check-target-url.js";
import { toWebhook } from "./webhook-view.js";

export const SECRET_SHOWN_ONCE =
  "Store this signing secret now: it is shown only once and cannot be retrieved later. To replace a lost secret, delete the subscription and create a new one.";

/**
 * POST /webhooks. The URL passes checkTargetUrl; every type needs its read scope on the calling
 * token; at most 10 subscriptions per account (the account row lock makes the count exact under
 * concurrent creates). The whsec_ secret is sealed at rest and returned only here. Deliveries
 * start with the events committed after this transaction (recordEvent fans out to the
 * subscriptions it sees), so there is no backfill.
 */
export async function createWebhook(
  ctx: ServiceContext,
  principal: Principal,
  input: { url: string; eventTypes: readonly EventType[] },
): Promise<{ webhook: Webhook; secret: string; message: string }> {
  const url = checkTargetUrl(ctx.config, input.url);
  const eventTypes = EVENT_TYPES.filter((t) => input.eventTypes.includes(t));
  const unreadable = eventTypes.filter((t) => !hasScope(principal.scopes, EVENT_TYPE_SCOPES[t]));
  if (unreadable.length > 0) {
    const required = sortScopes(unreadable.map((t) => EVENT_TYPE_SCOPES[t]));
    throw forbidden(
      `This token cannot read ${unreadable.join(", ")}: subscribing to an event type needs its read scope (${required.join(", ")}).`,
      {
        reason: "insufficient_scope",
        requiredScopes: required,
        grantedScopes: principal.scopes,
        eventTypes: unreadable,
      },
    );
  }
  return withTransaction(ctx, async (tx) => {
    await tx.db.select({ id: accounts.id }).from(accounts).where(eq(accounts.id, principal.accountId)).for("update");
    const [existing] = await tx.db
      .select({ n: count() })
      .from(webhookSubscriptions)
      .where(eq(webhookSubscriptions.accountId, principal.accountId));
    if ((existing?.n ?? 0) >= WEBHOOKS_PER_ACCOUNT) {
      throw conflict(
        `This account already has ${WEBHOOKS_PER_ACCOUNT} webhook subscriptions, the most allowed. Delete one (GET /webhooks lists them) before creating another.`,
        { reason: "webhook_limit_reached", limit: WEBHOOKS_PER_ACCOUNT },
      );
    }
    const id = newId("whk");
    const secret = `whsec_${randomBase62(40)}`;
    const [row] = await tx.db
      .insert(webhookSubscriptions)
      .values({
        id,
        accountId: principal.accountId,
        url,
        eventTypes,
        secretCiphertext: sealSecret(tx.config, secret, id),
        status: "ACTIVE",
        consecutiveFailures: 0,
        createdByUserId: principal.userId,
        createdAt: tx.clock.now(),
      })
      .returning();
    return { webhook: toWebhook(row!), secret, message: SECRET_SHOWN_ONCE };
  });
}
