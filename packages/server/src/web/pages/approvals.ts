import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { ApiError } from "../../errors.js";
import { listMemberships } from "../../services/accounts/list-memberships.js";
import { confirmApproval } from "../../services/approvals/confirm-approval.js";
import { declineApproval } from "../../services/approvals/decline-approval.js";
import { describeApproval } from "../../services/approvals/describe-approval.js";
import type { UserRow } from "../../services/users/find-user-by-email.js";
import { redirectToSignIn, requirePostUser } from "../accounts.js";
import { sendPage } from "../layout.js";
import { field, webState, type WebState } from "../state.js";
import {
  approvalBody,
  centsOfTyped,
  chargeOf,
  hireFormOf,
  totalOf,
  type ApprovalPageOptions,
  type HireForm,
} from "./approval-view.js";

type Req = FastifyRequest<{ Params: { approvalId: string } }>;

const NOTICES: Record<string, string> = {
  confirmed: "Confirmed.",
  declined: "Declined.",
};

/** The accounts the signed-in human may sign for: any account they belong to (owner or member). */
async function signerAccounts(state: WebState, user: UserRow): Promise<string[]> {
  return (await listMemberships(state.ctx, user.id)).map((m) => m.accountId);
}

async function render(
  reply: FastifyReply,
  state: WebState,
  approvalId: string,
  accounts: string[],
  opts: ApprovalPageOptions & { status?: number } = {},
): Promise<FastifyReply> {
  const d = await describeApproval(state.ctx, approvalId, accounts);
  return sendPage(reply, opts.status ?? 200, {
    title: "Approval",
    state,
    body: approvalBody(state, d, opts),
  });
}

function hireFormFrom(body: unknown): HireForm {
  return {
    name: field(body, "milestoneName").trim().slice(0, 200),
    description: field(body, "milestoneDescription").trim().slice(0, 2000),
    amount: field(body, "milestoneAmount").trim().slice(0, 40),
    dueDate: field(body, "milestoneDueDate").trim().slice(0, 40),
  };
}

/**
 * The approval page (spec 30 §2): a signed-in human of the account sees what the agent asked
 * for, the trainer, the amounts with the fees, edits a hire's first milestone, picks card or
 * credits, and confirms or declines. Confirming runs the whole action in one transaction
 * (services/approvals/confirm-approval.ts); a failure (declined card, credits short) shows the
 * error here and leaves the request pending. No JavaScript: "Update total" re-renders the
 * totals for edited values, and the total the human saw travels with the form, so a confirm
 * whose total changed since is shown again instead of charged.
 */
export function registerApprovalPages(app: FastifyInstance): void {
  app.get("/approvals/:approvalId", async (req: Req, reply) => {
    const state = webState(req);
    if (!state.user) return redirectToSignIn(reply, req.url);
    const accounts = await signerAccounts(state, state.user);
    return render(reply, state, req.params.approvalId, accounts, { notice: NOTICES[field(req.query, "notice")] });
  });

  app.post("/approvals/:approvalId", async (req: Req, reply) => {
    const state = webState(req);
    const user = requirePostUser(state);
    const accounts = await signerAccounts(state, user);
    const approvalId = req.params.approvalId;
    const d = await describeApproval(state.ctx, approvalId, accounts);
    const isHire = d.approval.type === "proposal_hire";
    const form = isHire ? hireFormFrom(req.body) : hireFormOf(d);
    const source = field(req.body, "paymentSource");
    const paymentSource = source === "credits" || source === "card" ? source : undefined;
    const again = (status: number, extra: ApprovalPageOptions) =>
      render(reply, state, approvalId, accounts, { status, form, paymentSource, ...extra });

    if (d.approval.status === "pending" && isHire && centsOfTyped(form.amount) === null) {
      return again(400, { error: "Enter the milestone amount in USD with at most 2 decimals, e.g. 300 or 149.99." });
    }
    if (field(req.body, "action") === "recalculate") return again(200, {});
    const charge = d.approval.status === "pending" ? chargeOf(d, form) : null;
    const expected = field(req.body, "expectedTotalCents");
    if (charge && expected !== String(totalOf(charge))) {
      return again(409, {
        error: "The total changed since the page was shown. Check the new total, then confirm again.",
      });
    }
    try {
      await confirmApproval(state.ctx, approvalId, accounts, {
        signerUserId: user.id,
        paymentSource,
        milestone: isHire
          ? {
              name: form.name,
              description: form.description,
              amount: centsOfTyped(form.amount)! / 100,
              dueDate: form.dueDate,
            }
          : undefined,
      });
    } catch (err) {
      if (!(err instanceof ApiError) || err.status >= 500 || err.status === 404) throw err;
      return again(err.status, { error: err.message });
    }
    return reply.redirect(`/approvals/${encodeURIComponent(approvalId)}?notice=confirmed`, 303);
  });

  app.post("/approvals/:approvalId/decline", async (req: Req, reply) => {
    const state = webState(req);
    const user = requirePostUser(state);
    const accounts = await signerAccounts(state, user);
    const approvalId = req.params.approvalId;
    try {
      await declineApproval(state.ctx, approvalId, accounts, user.id);
    } catch (err) {
      if (!(err instanceof ApiError) || err.status >= 500 || err.status === 404) throw err;
      return render(reply, state, approvalId, accounts, { status: err.status, error: err.message });
    }
    return reply.redirect(`/approvals/${encodeURIComponent(approvalId)}?notice=declined`, 303);
  });
}
