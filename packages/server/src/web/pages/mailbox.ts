import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../../app.js";
import { getEmail, listEmails } from "../../services/mail/list-emails.js";
import { notFoundPage } from "../error-page.js";
import { formatTime, html, safeHref } from "../html.js";
import { sendPage } from "../layout.js";
import { field, webState } from "../state.js";

const MAILBOX_LIMIT = 50;

/** The sandbox mailbox: every email the platform sent, instead of delivering it. 404 in production. */
export function registerMailboxPages(app: FastifyInstance, deps: AppDeps): void {
  const sandbox = deps.config.mode === "sandbox";

  app.get("/mailbox", async (req, reply) => {
    if (!sandbox) return notFoundPage(req, reply);
    const state = webState(req);
    const to = field(req.query, "to").trim().slice(0, 254);
    const emails = await listEmails(state.ctx, { to: to || undefined, limit: MAILBOX_LIMIT });
    const rows =
      emails.length === 0
        ? html`<p class="muted">No emails${to ? html` to ${to}` : null} yet.</p>`
        : html`<table>
            <thead>
              <tr>
                <th>Received</th>
                <th>To</th>
                <th>Subject</th>
              </tr>
            </thead>
            <tbody>
              ${emails.map(
                (e) =>
                  html`<tr>
                    <td class="muted small">${formatTime(e.createdAt)}</td>
                    <td>${e.toAddress}</td>
                    <td><a class="email-link" href="/mailbox/${encodeURIComponent(e.id)}">${e.subject}</a></td>
                  </tr>`,
              )}
            </tbody>
          </table>`;
    return sendPage(reply, 200, {
      title: "Mailbox",
      state,
      body: html`<div class="card">
          <h1>Sandbox mailbox</h1>
          <p class="muted">
            Emails the platform sent, newest first (the ${MAILBOX_LIMIT} most recent). Nothing is delivered in sandbox
            mode.
          </p>
          <form method="get" action="/mailbox" class="actions">
            <input type="email" name="to" value="${to}" placeholder="Filter by recipient" aria-label="Recipient" />
            <button class="secondary" type="submit">Filter</button>
            ${to ? html`<a href="/mailbox">Show all</a>` : null}
          </form>
        </div>
        <div class="card">${rows}</div>`,
    });
  });

  app.get<{ Params: { id: string } }>("/mailbox/:id", async (req, reply) => {
    if (!sandbox) return notFoundPage(req, reply);
    const state = webState(req);
    const email = await getEmail(state.ctx, req.params.id);
    if (!email) return notFoundPage(req, reply, "There is no email with this id in the mailbox.");
    return sendPage(reply, 200, {
      title: email.subject,
      state,
      body: html`<div class="card">
        <p class="small">
          <a href="/mailbox?to=${encodeURIComponent(email.toAddress)}">← Mailbox of ${email.toAddress}</a>
        </p>
        <h1>${email.subject}</h1>
        <p class="muted small">To ${email.toAddress} · ${formatTime(email.createdAt)}</p>
        ${email.actionUrl ? html`<div class="actions"><a id="action-link" class="button" href="${safeHref(email.actionUrl)}">Open the link</a></div>` : null}
        <pre>${email.textBody}</pre>
      </div>`,
    });
  });
}
