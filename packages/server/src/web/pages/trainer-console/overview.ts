import type { SandboxTrainer } from "@opentrain-ai/contract";
import type { FastifyInstance, FastifyReply } from "fastify";
import { answerInvitationAsTrainer } from "../../../sandbox/simulator/answer-invitation.js";
import { listTrainerConversations } from "../../../services/messages/list-trainer-conversations.js";
import { listTrainerProposals, type TrainerProposal } from "../../../services/proposals/list-trainer-proposals.js";
import { statusOf } from "../../../services/proposals/status-label.js";
import { formatTime, html, type HtmlValue } from "../../html.js";
import { csrfField } from "../../layout.js";
import { field, webState, type WebState } from "../../state.js";
import { bidLabel, consoleTrainer, formError, NOTICES, parseBid, sendConsolePage, trainerPath } from "./parts.js";

const isPendingInvite = (p: TrainerProposal) =>
  p.proposal.source === "INVITED" && p.proposal.invitationStatus === "PENDING";

function invitationsCard(state: WebState, trainer: SandboxTrainer, pending: TrainerProposal[]) {
  if (pending.length === 0) {
    return html`<div class="card" id="invitations">
      <h2>Invitations</h2>
      <p class="muted">No pending invitations. Employers invite trainers with POST /jobs/{id}/invites.</p>
    </div>`;
  }
  return html`<div class="card" id="invitations">
    <h2>Invitations</h2>
    <ul class="plain">
      ${pending.map((p) => {
        const base = trainerPath(trainer.id, `/invitations/${encodeURIComponent(p.proposal.id)}`);
        return html`<li data-proposal-id="${p.proposal.id}">
          <div class="grow">
            <strong>${p.jobTitle}</strong>
            <div class="muted small">${p.companyName} · invited ${formatTime(p.proposal.invitedAt)}</div>
            ${p.jobStatus === "OPEN" ? null : html`<div class="small">The job is ${p.jobStatus.toLowerCase()}.</div>`}
          </div>
          <form method="post" action="${base}/accept" class="inline accept-invitation">
            ${csrfField(state)}
            <input
              type="text"
              name="bid"
              inputmode="decimal"
              placeholder="Bid (USD, optional)"
              aria-label="Bid in US dollars (optional)"
              class="bid-input"
            />
            <button type="submit">Accept</button>
          </form>
          <form method="post" action="${base}/decline" class="inline decline-invitation">
            ${csrfField(state)}<button class="secondary" type="submit">Decline</button>
          </form>
        </li>`;
      })}
    </ul>
  </div>`;
}

function proposalsCard(trainer: SandboxTrainer, list: TrainerProposal[]) {
  const shown = list.filter((p) => !isPendingInvite(p));
  const rows =
    shown.length === 0
      ? html`<p class="muted">
          No proposals yet. <a href="${trainerPath(trainer.id, "/jobs")}">Find a job</a> and apply.
        </p>`
      : html`<table id="proposals">
          <thead>
            <tr>
              <th>Job</th>
              <th>Status</th>
              <th>Bid</th>
              <th>Sent</th>
              <th></th>
            </tr>
          </thead>
          <tbody>
            ${shown.map((p) => {
              const invitation =
                p.proposal.source === "INVITED"
                  ? html`<div class="muted small">invitation ${(p.proposal.invitationStatus ?? "").toLowerCase()}</div>`
                  : null;
              return html`<tr data-proposal-id="${p.proposal.id}" data-job-id="${p.proposal.jobId}">
                <td>
                  ${p.jobTitle}
                  <div class="muted small">${p.companyName}</div>
                </td>
                <td><span class="badge">${statusOf(p.proposal.status).label}</span>${invitation}</td>
                <td class="nowrap">${bidLabel(p.proposal.bidAmountMicros, p.proposal.bidUnit)}</td>
                <td class="small">${formatTime(p.proposal.submittedAt ?? p.proposal.createdAt)}</td>
                <td>
                  ${
                    p.conversationId
                      ? html`<a
                          href="${trainerPath(trainer.id, `/conversations/${encodeURIComponent(p.conversationId)}`)}"
                          >Messages</a
                        >`
                      : null
                  }
                </td>
              </tr>`;
            })}
          </tbody>
        </table>`;
  return html`<div class="card">
    <h2>Proposals</h2>
    ${rows}
  </div>`;
}

async function conversationsCard(state: WebState, trainer: SandboxTrainer) {
  const list = await listTrainerConversations(state.ctx, trainer.id);
  const body =
    list.length === 0
      ? html`<p class="muted">
          No conversations. Employers open a pre-hire thread with POST /proposals/{id}/conversation and write first.
        </p>`
      : html`<ul class="plain" id="conversations">
          ${list.map(
            (c) =>
              html`<li data-conversation-id="${c.conversation.id}">
                <div class="grow">
                  <a href="${trainerPath(trainer.id, `/conversations/${encodeURIComponent(c.conversation.id)}`)}"
                    ><strong>${c.jobTitle}</strong></a
                  >
                  ${c.awaitingReply ? html` <span class="badge awaiting">Awaiting your reply</span>` : null}
                  <div class="muted small">
                    ${c.companyName} · ${c.conversation.kind === "PROPOSAL" ? "pre-hire thread" : "contract"}
                    ${c.lastMessage ? html` · ${formatTime(c.lastMessage.createdAt)}` : null}
                  </div>
                  ${
                    c.lastMessage
                      ? html`<div class="small">
                          ${c.lastMessage.fromTrainer ? "You: " : ""}${c.lastMessage.content}
                        </div>`
                      : html`<div class="muted small">No messages yet.</div>`
                  }
                </div>
              </li>`,
          )}
        </ul>`;
  return html`<div class="card">
    <h2>Conversations</h2>
    ${body}
  </div>`;
}

async function renderOverview(
  reply: FastifyReply,
  state: WebState,
  trainer: SandboxTrainer,
  opts: { status?: number; notice?: string; error?: HtmlValue } = {},
): Promise<FastifyReply> {
  const proposals = await listTrainerProposals(state.ctx, trainer.id);
  return sendConsolePage(reply, state, {
    status: opts.status,
    title: "Trainer console",
    trainer,
    notice: opts.notice,
    error: opts.error,
    body: html`${invitationsCard(state, trainer, proposals.filter(isPendingInvite))}${proposalsCard(trainer, proposals)}${await conversationsCard(state, trainer)}`,
  });
}

/** One trainer's overview: pending invitations (accept or decline), proposals and conversations. */
export function registerTrainerOverview(app: FastifyInstance): void {
  app.get<{ Params: { trainerId: string } }>("/trainer-console/:trainerId", async (req, reply) => {
    const state = webState(req);
    const trainer = await consoleTrainer(state, req.params.trainerId);
    return renderOverview(reply, state, trainer, { notice: NOTICES[field(req.query, "notice")] });
  });

  app.post<{ Params: { trainerId: string; proposalId: string; answer: string } }>(
    "/trainer-console/:trainerId/invitations/:proposalId/:answer",
    async (req, reply) => {
      const state = webState(req);
      const trainer = await consoleTrainer(state, req.params.trainerId);
      const { proposalId, answer } = req.params;
      if (answer !== "accept" && answer !== "decline") {
        return renderOverview(reply, state, trainer, { status: 404, error: "Invitations are accepted or declined." });
      }
      try {
        await answerInvitationAsTrainer(state.ctx, {
          trainerId: trainer.id,
          proposalId,
          accept: answer === "accept",
          bidAmountUsd: answer === "accept" ? parseBid(field(req.body, "bid")) : undefined,
        });
      } catch (err) {
        const e = formError(err);
        return renderOverview(reply, state, trainer, { status: e.status, error: e.message });
      }
      return reply.redirect(`${trainerPath(trainer.id)}?notice=${answer === "accept" ? "accepted" : "declined"}`, 303);
    },
  );
}
