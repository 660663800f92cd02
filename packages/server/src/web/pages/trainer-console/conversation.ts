import type { SandboxTrainer } from "@opentrain-ai/contract";
import type { FastifyInstance, FastifyReply } from "fastify";
import { badRequest } from "../../../errors.js";
import { postTrainerMessage } from "../../../services/messages/post-trainer-message.js";
import { readTrainerConversation } from "../../../services/messages/read-trainer-conversation.js";
import { formatTime, html, type HtmlValue } from "../../html.js";
import { csrfField, notice } from "../../layout.js";
import { field, webState, type WebState } from "../../state.js";
import { consoleTrainer, formError, NOTICES, sendConsolePage, trainerPath } from "./parts.js";

/** The message length the API allows (POST /messages and the trainer-writes helper). */
const MESSAGE_MAX = 10_000;

const conversationPath = (trainerId: string, conversationId: string) =>
  trainerPath(trainerId, `/conversations/${encodeURIComponent(conversationId)}`);

async function renderConversation(
  reply: FastifyReply,
  state: WebState,
  trainer: SandboxTrainer,
  conversationId: string,
  opts: { status?: number; notice?: string; error?: HtmlValue; draft?: string } = {},
) {
  const thread = await readTrainerConversation(state.ctx, trainer.id, conversationId);
  const here = conversationPath(trainer.id, thread.conversation.id);
  const messages =
    thread.messages.length === 0
      ? html`<p class="muted">No messages yet.</p>`
      : html`<ol class="thread" id="messages">
          ${thread.messages.map(
            (m) =>
              html`<li
                class="msg ${m.senderKind === "TRAINER" ? "from-trainer" : "from-employer"}"
                data-message-id="${m.id}"
              >
                <div class="muted small">
                  <strong>${m.senderKind === "TRAINER" ? `You (${trainer.displayName})` : thread.companyName}</strong> ·
                  ${formatTime(m.createdAt)}
                </div>
                <div class="msg-text">${m.content}</div>
              </li>`,
          )}
        </ol>`;
  const form = thread.cannotReply
    ? notice("warn", thread.cannotReply)
    : html`<form method="post" action="${here}/messages" id="reply-form">
        ${csrfField(state)}
        <label for="message">Your reply</label>
        <textarea id="message" name="content" rows="5" maxlength="${MESSAGE_MAX}" required>
${opts.draft ?? ""}</textarea>
        <p class="muted small">
          The same content policy as the employer's applies: no contact details, no payments outside OpenTrain.
        </p>
        <div class="actions"><button type="submit" id="send">Send as ${trainer.displayName}</button></div>
      </form>`;
  return sendConsolePage(reply, state, {
    status: opts.status,
    title: thread.jobTitle,
    trainer,
    notice: opts.notice,
    error: opts.error,
    body: html`<div class="card" id="conversation" data-conversation-id="${thread.conversation.id}">
      <h2>${thread.jobTitle}</h2>
      <p class="muted small">
        ${thread.companyName} · ${thread.conversation.kind === "PROPOSAL" ? "pre-hire thread" : "contract messages"}
        ${thread.conversation.readOnly ? html` · <span class="badge muted">read-only</span>` : null}
      </p>
      ${messages} ${form}
    </div>`,
  });
}

/** A conversation as the trainer: read it and answer (the "trainer writes" helper's code path). */
export function registerTrainerConversation(app: FastifyInstance): void {
  app.get<{ Params: { trainerId: string; conversationId: string } }>(
    "/trainer-console/:trainerId/conversations/:conversationId",
    async (req, reply) => {
      const state = webState(req);
      const trainer = await consoleTrainer(state, req.params.trainerId);
      return renderConversation(reply, state, trainer, req.params.conversationId, {
        notice: NOTICES[field(req.query, "notice")],
      });
    },
  );

  app.post<{ Params: { trainerId: string; conversationId: string } }>(
    "/trainer-console/:trainerId/conversations/:conversationId/messages",
    async (req, reply) => {
      const state = webState(req);
      const trainer = await consoleTrainer(state, req.params.trainerId);
      const draft = field(req.body, "content");
      try {
        const content = draft.trim();
        if (content === "") throw badRequest("Write a message before sending it.");
        if (content.length > MESSAGE_MAX) {
          throw badRequest(`The message is ${content.length} characters long; keep it to ${MESSAGE_MAX}.`);
        }
        await postTrainerMessage(state.ctx, {
          trainerId: trainer.id,
          conversationId: req.params.conversationId,
          content,
        });
      } catch (err) {
        const e = formError(err);
        // An unknown conversation is the usual 404 page; anything else keeps the draft on the thread.
        if (e.status === 404) throw e;
        return renderConversation(reply, state, trainer, req.params.conversationId, {
          status: e.status,
          error: e.message,
          draft,
        });
      }
      return reply.redirect(`${conversationPath(trainer.id, req.params.conversationId)}?notice=sent`, 303);
    },
  );
}
