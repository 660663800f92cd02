import { emails } from "../../db/schema.js";
import { newId } from "../../ids.js";
import type { ServiceContext } from "../context.js";

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  /** The one link the email asks the reader to open. */
  actionUrl?: string;
}

/**
 * Records an email in the same transaction as the change that caused it. In sandbox mode the
 * mailbox page shows it; production has no mail transport yet, so it reports not sent.
 */
export async function sendEmail(ctx: ServiceContext, email: OutgoingEmail): Promise<{ sent: boolean; id: string }> {
  const id = newId("eml");
  await ctx.db.insert(emails).values({
    id,
    toAddress: email.to,
    subject: email.subject,
    textBody: email.text,
    actionUrl: email.actionUrl ?? null,
    createdAt: ctx.clock.now(),
  });
  if (ctx.config.mode !== "sandbox") {
    ctx.log.warn({ emailId: id }, "no mail transport configured; email stored but not delivered");
    return { sent: false, id };
  }
  return { sent: true, id };
}
