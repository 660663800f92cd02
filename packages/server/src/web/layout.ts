import type { FastifyReply } from "fastify";
import { html, type HtmlValue, type SafeHtml } from "./html.js";
import { CSRF_FIELD } from "./security.js";
import type { WebState } from "./state.js";

/** The one stylesheet, served at /assets/app.css (the CSP allows no inline style or script). */
export const STYLESHEET = `
:root { --fg: #1d2330; --muted: #5b6475; --bg: #f5f6f8; --card: #fff; --line: #e2e5ea;
  --accent: #3b5bdb; --accent-dark: #2f4ac0; --danger: #c92a2a; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); }
a { color: var(--accent); }
.top { background: #fff; border-bottom: 1px solid var(--line); }
.bar { max-width: 880px; margin: 0 auto; padding: 12px 20px; display: flex; align-items: center; gap: 18px; flex-wrap: wrap; }
.brand { font-weight: 700; color: var(--fg); text-decoration: none; margin-right: auto; letter-spacing: -0.01em; }
.brand span { color: var(--accent); }
.bar a { color: var(--muted); text-decoration: none; }
.bar a:hover, .bar a.brand { color: var(--fg); }
.who { color: var(--muted); font-size: 0.9rem; }
main { max-width: 880px; margin: 32px auto 64px; padding: 0 20px; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 24px 28px; margin-bottom: 20px; }
.narrow { max-width: 520px; margin-left: auto; margin-right: auto; }
h1 { font-size: 1.55rem; line-height: 1.25; margin: 0 0 12px; }
h2 { font-size: 1.1rem; margin: 0 0 12px; }
p { margin: 0 0 12px; }
label { display: block; font-weight: 600; margin: 14px 0 6px; }
input[type=email], input[type=text], input[type=number] { width: 100%; padding: 10px 12px; border: 1px solid #c5cad3; border-radius: 6px; font: inherit; background: #fff; }
input[readonly] { background: #f1f3f5; color: var(--muted); }
textarea { width: 100%; padding: 10px 12px; border: 1px solid #c5cad3; border-radius: 6px; font: inherit; background: #fff; resize: vertical; }
textarea:focus { outline: 2px solid var(--accent); outline-offset: 1px; }
input:focus { outline: 2px solid var(--accent); outline-offset: 1px; }
input.code { font: 600 1.7rem/1.2 ui-monospace, SFMono-Regular, Menlo, monospace; letter-spacing: 0.4em; text-align: center; max-width: 260px; }
button { font: inherit; font-weight: 600; padding: 9px 18px; border-radius: 6px; border: 1px solid var(--accent); background: var(--accent); color: #fff; cursor: pointer; }
a.button { display: inline-block; font-weight: 600; padding: 9px 18px; border-radius: 6px; background: var(--accent); color: #fff; text-decoration: none; }
button:hover, a.button:hover { background: var(--accent-dark); }
select { font: inherit; padding: 8px 10px; border: 1px solid #c5cad3; border-radius: 6px; background: #fff; }
button.secondary { background: #fff; color: var(--fg); border-color: #c5cad3; }
button.secondary:hover { background: #f1f3f5; }
button.danger { background: #fff; color: var(--danger); border-color: #e8b4b4; padding: 4px 12px; font-size: 0.9rem; }
button.danger:hover { background: #fff5f5; }
button.link { background: none; border: none; color: var(--muted); padding: 0; font-weight: 400; }
button.link:hover { color: var(--fg); background: none; }
.actions { display: flex; gap: 12px; align-items: center; flex-wrap: wrap; margin-top: 18px; }
form.inline { display: inline; margin: 0; }
.notice { padding: 12px 14px; border-radius: 8px; margin-bottom: 16px; border: 1px solid; }
.notice.error { background: #fff5f5; border-color: #ffc9c9; color: #a61e1e; }
.notice.ok { background: #ebfbee; border-color: #b2f2bb; color: #1e6b30; }
.notice.warn { background: #fff9db; border-color: #ffe066; color: #6b4f00; }
.muted { color: var(--muted); }
.small { font-size: 0.88rem; }
table { width: 100%; border-collapse: collapse; font-size: 0.94rem; }
th, td { text-align: left; padding: 9px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { color: var(--muted); font-weight: 600; font-size: 0.82rem; text-transform: uppercase; letter-spacing: 0.03em; }
code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 0.9em; }
code.secret { display: block; padding: 12px 14px; background: #f1f3f5; border: 1px solid var(--line); border-radius: 6px; word-break: break-all; user-select: all; font-size: 1rem; }
pre { white-space: pre-wrap; word-break: break-word; background: #f8f9fa; padding: 14px; border-radius: 6px; border: 1px solid var(--line); }
.scopes { margin-bottom: 12px; display: grid; grid-template-columns: repeat(auto-fill, minmax(190px, 1fr)); gap: 6px 14px; }
.scopes label { font-weight: 400; margin: 0; display: flex; gap: 8px; align-items: center; }
.badge { display: inline-block; padding: 1px 9px; border-radius: 999px; font-size: 0.78rem; background: #edf2ff; color: #364fc7; white-space: nowrap; }
.badge.muted { background: #f1f3f5; color: #868e96; }
.scope-list { display: flex; flex-wrap: wrap; gap: 4px; }
.agent { font-size: 1.05rem; padding: 14px 16px; background: #f8f9ff; border: 1px solid #dbe4ff; border-radius: 8px; margin: 16px 0; }
ul.plain { list-style: none; padding: 0; margin: 0; }
ul.plain li { padding: 10px 0; border-bottom: 1px solid var(--line); display: flex; gap: 12px; align-items: center; flex-wrap: wrap; }
ul.plain li:last-child { border-bottom: none; }
.grow { flex: 1; }
.nowrap { white-space: nowrap; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 1rem 0; }
dl.facts dt { color: #5b6470; }
dl.facts dd { margin: 0; }
.choices { display: flex; flex-direction: column; gap: 8px; margin-bottom: 12px; }
.choices label { font-weight: 400; margin: 0; display: flex; gap: 8px; align-items: center; }
.card h2 + p, .card form h2 { margin-top: 4px; }
#approval h2 { margin-top: 22px; }
.spaced { margin-top: 16px; }
.spaced .notice { margin-bottom: 0; }
input.bid-input { width: 170px; padding: 6px 10px; }
.badge.applied { background: #ebfbee; color: #1e6b30; }
.badge.awaiting { background: #fff9db; color: #6b4f00; }
ol.thread { list-style: none; padding: 0; margin: 0 0 16px; }
ol.thread li.msg { padding: 10px 14px; border-radius: 8px; margin-bottom: 10px; border: 1px solid var(--line); max-width: 85%; }
ol.thread li.from-employer { background: #f8f9fa; }
ol.thread li.from-trainer { background: #edf2ff; border-color: #dbe4ff; margin-left: auto; }
.msg-text { white-space: pre-wrap; word-break: break-word; }
`;

/** The hidden CSRF field every POST form carries. */
export function csrfField(state: WebState): SafeHtml {
  return html`<input type="hidden" name="${CSRF_FIELD}" value="${state.csrf}" />`;
}

export function notice(kind: "error" | "ok" | "warn", message: HtmlValue): SafeHtml {
  return html`<div class="notice ${kind}" role="${kind === "error" ? "alert" : "status"}">${message}</div>`;
}

export interface PageOptions {
  title: string;
  body: SafeHtml;
  /** Null when the request failed before its state was loaded. */
  state: WebState | null;
  /** A single centred column (forms, confirmations). */
  narrow?: boolean;
}

function navigation(state: WebState | null): SafeHtml {
  if (!state) return html``;
  const mailbox =
    state.mode === "sandbox"
      ? html`<a href="/mailbox">Mailbox</a><a href="/trainer-console">Trainer console</a>`
      : null;
  if (!state.user) return html`${mailbox}<a href="/signin">Sign in</a>`;
  return html`<a href="/settings/api-keys">API keys</a><a href="/team">Team</a><a href="/billing">Billing</a>${mailbox}
    <span class="who">${state.user.email}</span>
    <form class="inline" method="post" action="/signout">
      ${csrfField(state)}<button class="link" type="submit">Sign out</button>
    </form>`;
}

export function renderPage(opts: PageOptions): string {
  const page = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${opts.title} · OpenTrain</title>
<link rel="stylesheet" href="/assets/app.css">
</head>
<body>
<header class="top"><div class="bar"><a class="brand" href="/">Open<span>Train</span></a>${navigation(opts.state)}</div></header>
<main${opts.narrow ? html` class="narrow"` : html``}>
${opts.body}
</main>
</body>
</html>
`;
  return page.value;
}

/** Sends a full HTML page (security headers are added by the web scope's onSend hook). */
export function sendPage(reply: FastifyReply, status: number, opts: PageOptions): FastifyReply {
  return reply.status(status).type("text/html; charset=utf-8").send(renderPage(opts));
}

/** A one-card message page (errors, confirmations). */
export function messagePage(
  reply: FastifyReply,
  state: WebState | null,
  status: number,
  title: string,
  message: HtmlValue,
  extra?: SafeHtml,
): FastifyReply {
  return sendPage(reply, status, {
    title,
    state,
    narrow: true,
    body: html`<div class="card">
      <h1>${title}</h1>
      <p>${message}</p>
      ${extra}
    </div>`,
  });
}
