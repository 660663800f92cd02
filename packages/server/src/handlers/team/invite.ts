import type { operations } from "@opentrain-ai/contract";
import { principalOf, type Handler } from "../../http/request-context.js";
import { inviteMember } from "../../services/team/invite-member.js";

export const invite: Handler<typeof operations.teamInvite> = (ctx, input) => {
  const p = principalOf(ctx);
  return inviteMember(ctx, { accountId: p.accountId, invitedByUserId: p.userId, email: input.email });
};
