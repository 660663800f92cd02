import type { BID_UNITS, SandboxTrainer } from "@opentrain-ai/contract";
import type { FastifyReply } from "fastify";
import { ApiError, badRequest, notFound } from "../../../errors.js";
import { findTrainer } from "../../../services/trainers/find-trainer.js";
import { toSandboxTrainer } from "../../../services/trainers/list-sandbox-trainers.js";
import { html, type HtmlValue, type SafeHtml } from "../../html.js";
import { notice, sendPage } from "../../layout.js";
import type { WebState } from "../../state.js";

/** Where the console lives: the picker, and one trainer's pages under their real id. */
export const CONSOLE_PATH = "/trainer-console";
export const trainerPath = (trainerId: string, rest = "") => `${CONSOLE_PATH}/${encodeURIComponent(trainerId)}${rest}`;

/** Confirmations after a redirect (`?notice=`): fixed texts, so nothing from the URL is echoed. */
export const NOTICES: Record<string, string> = {
  applied: "Proposal sent. The employer sees it in GET /jobs/{id}/proposals, with the AI interview and scores.",
  accepted: "Invitation accepted: your proposal was sent to the employer.",
  declined: "Invitation declined.",
  sent: "Message sent.",
};

/** The trainer the console acts as, masked like every other view of a trainer; 404 page when unknown. */
export async function consoleTrainer(state: WebState, trainerId: string): Promise<SandboxTrainer> {
  const row = await findTrainer(state.ctx, trainerId);
  if (!row) throw notFound("There is no sandbox trainer with this id. Pick one from the trainer console.");
  return toSandboxTrainer(row);
}

type BidUnit = (typeof BID_UNITS)[number];

const UNIT_TEXT: Record<BidUnit, string> = { PER_HOUR: "/ hour", PER_LABEL: "/ label", FIXED_PRICE: "fixed" };

/** "$15.50 / hour", "$0.045 / label", "$400 fixed", or a dash. */
export function bidLabel(amountMicros: number | null, unit: BidUnit | null): string {
  if (amountMicros === null) return "—";
  const usd = (amountMicros / 1_000_000).toLocaleString("en-US", { maximumFractionDigits: 6 });
  return `$${usd}${unit ? ` ${UNIT_TEXT[unit]}` : ""}`;
}

/** The unit a bid on a job with this payment type is in, for the form's label. */
export function bidUnitText(paymentType: string): string {
  if (paymentType === "PAY_PER_LABEL") return "US dollars per label";
  if (paymentType === "FIXED_PRICE") return "US dollars for the whole project";
  return "US dollars per hour";
}

/** A bid typed into a form: empty means "the suggested bid"; anything else must be a positive amount. */
export function parseBid(text: string): number | undefined {
  const t = text.trim().replace(/^\$/, "").replace(/,/g, "");
  if (t === "") return undefined;
  const n = Number(t);
  if (!/^\d*\.?\d+$/.test(t) || !Number.isFinite(n) || n <= 0) {
    throw badRequest(
      `"${text.trim()}" is not a bid: enter a positive amount in US dollars (e.g. 15 or 0.05), or leave it empty for the suggested bid.`,
    );
  }
  return n;
}

/** An expected error of a console form (4xx ApiError), to show on the page; anything else is rethrown. */
export function formError(err: unknown): ApiError {
  if (err instanceof ApiError && err.status < 500) return err;
  throw err;
}

/** The header every page of one trainer starts with: who the person acts as, and the console's navigation. */
export function trainerHeader(trainer: SandboxTrainer, opts: { notice?: string; error?: HtmlValue } = {}): SafeHtml {
  const facts = [
    trainer.title,
    trainer.country,
    trainer.experienceLevel.replace(/_/g, " ").toLowerCase(),
    trainer.languages.map((l) => `${l.language} (${l.proficiency.toLowerCase()})`).join(", "),
  ].filter(Boolean);
  return html`<div class="card">
    <p class="small"><a href="${CONSOLE_PATH}">← All sandbox trainers</a></p>
    <h1>Acting as <span id="trainer-name">${trainer.displayName}</span></h1>
    <p class="muted small">
      ${facts.join(" · ")} · id <code id="trainer-id">${trainer.id}</code>${
        trainer.status === "ACTIVE" ? null : html` · <span class="badge muted">${trainer.status}</span>`
      }
    </p>
    <div class="actions">
      <a href="${trainerPath(trainer.id)}">Invitations, proposals and messages</a>
      <a href="${trainerPath(trainer.id, "/jobs")}">Find jobs</a>
    </div>
    ${opts.notice ? html`<div class="spaced">${notice("ok", opts.notice)}</div>` : null}
    ${opts.error ? html`<div class="spaced">${notice("error", opts.error)}</div>` : null}
  </div>`;
}

/** A console page: the trainer header, then the page's cards. */
export function sendConsolePage(
  reply: FastifyReply,
  state: WebState,
  opts: { status?: number; title: string; trainer: SandboxTrainer; notice?: string; error?: HtmlValue; body: SafeHtml },
): FastifyReply {
  return sendPage(reply, opts.status ?? 200, {
    title: `${opts.title} · ${opts.trainer.displayName}`,
    state,
    body: html`${trainerHeader(opts.trainer, { notice: opts.notice, error: opts.error })}${opts.body}`,
  });
}
