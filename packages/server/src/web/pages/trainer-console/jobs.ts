import type { PublicJob, SandboxTrainer } from "@opentrain-ai/contract";
import type { FastifyInstance, FastifyReply } from "fastify";
import { ApiError } from "../../../errors.js";
import { applyAsTrainer, COVER_NOTE_MAX } from "../../../sandbox/simulator/apply-as-trainer.js";
import { getPublicJob } from "../../../services/jobs/get-public-job.js";
import { searchPublicJobs } from "../../../services/jobs/search-public-jobs.js";
import { listTrainerProposals, type TrainerProposal } from "../../../services/proposals/list-trainer-proposals.js";
import { statusOf } from "../../../services/proposals/status-label.js";
import { formatTime, html, type HtmlValue } from "../../html.js";
import { csrfField } from "../../layout.js";
import { field, webState, type WebState } from "../../state.js";
import { payLabel } from "../job.js";
import { bidUnitText, consoleTrainer, formError, parseBid, sendConsolePage, trainerPath } from "./parts.js";

const JOBS_PER_PAGE = 20;

const jobPath = (trainerId: string, jobId: string) => trainerPath(trainerId, `/jobs/${encodeURIComponent(jobId)}`);

function appliedBadge(p: TrainerProposal | undefined): HtmlValue {
  if (!p) return null;
  if (p.proposal.source === "INVITED" && p.proposal.invitationStatus === "PENDING") {
    return html`<span class="badge">Invited</span>`;
  }
  return html`<span class="badge applied">Applied · ${statusOf(p.proposal.status).label}</span>`;
}

/** GET …/jobs: open public jobs, newest first or by relevance to the search words, with paging. */
async function renderJobList(reply: FastifyReply, state: WebState, trainer: SandboxTrainer, query: unknown) {
  const q = field(query, "q").trim().slice(0, 200);
  const language = field(query, "language").trim().slice(0, 60);
  const cursor = field(query, "cursor").trim().slice(0, 512);
  const [page, proposals] = await Promise.all([
    searchPublicJobs(state.ctx, {
      q: q || undefined,
      language: language || undefined,
      cursor: cursor || undefined,
      limit: JOBS_PER_PAGE,
    }),
    listTrainerProposals(state.ctx, trainer.id),
  ]);
  const byJob = new Map(proposals.map((p) => [p.proposal.jobId, p]));
  const here = trainerPath(trainer.id, "/jobs");
  const filters = { ...(q ? { q } : {}), ...(language ? { language } : {}) };
  const next = page.nextCursor
    ? `${here}?${new URLSearchParams({ ...filters, cursor: page.nextCursor }).toString()}`
    : null;
  const list =
    page.jobs.length === 0
      ? html`<p class="muted">No open job matches${q ? html` “${q}”` : null}.</p>`
      : html`<ul class="plain" id="jobs">
          ${page.jobs.map(
            (j: PublicJob) =>
              html`<li data-job-id="${j.id}">
                <div class="grow">
                  <a class="job-link" href="${jobPath(trainer.id, j.id)}"><strong>${j.title}</strong></a>
                  ${appliedBadge(byJob.get(j.id))}
                  <div class="muted small">
                    ${j.companyName} · ${payLabel(j.pay)} · ${j.languages.join(", ") || "any language"} ·
                    ${j.countries.join(", ") || "anywhere"} · posted ${formatTime(j.datePosted)}
                  </div>
                </div>
              </li>`,
          )}
        </ul>`;
  return sendConsolePage(reply, state, {
    title: "Find jobs",
    trainer,
    body: html`<div class="card">
      <h2>Open jobs</h2>
      <form method="get" action="${here}" class="actions" id="job-search">
        <input
          type="text"
          name="q"
          value="${q}"
          placeholder="Search titles and descriptions"
          aria-label="Search jobs"
        />
        <select name="language" aria-label="Language">
          <option value="">Any language</option>
          ${trainer.languages.map(
            (l) =>
              html`<option value="${l.language}" ${l.language === language ? "selected" : ""}>${l.language}</option>`,
          )}
        </select>
        <button class="secondary" type="submit">Search</button>
        ${q || language ? html`<a href="${here}">Clear</a>` : null}
      </form>
      ${list}
      ${
        next || cursor
          ? html`<div class="actions">
              ${cursor ? html`<a href="${here}${q || language ? `?${new URLSearchParams(filters).toString()}` : ""}">First page</a>` : null}
              ${next ? html`<a id="next-page" href="${next}">More jobs →</a>` : null}
            </div>`
          : null
      }
    </div>`,
  });
}

/** GET …/jobs/:jobId: the job, and the application form (or what became of the proposal). */
async function renderJob(
  reply: FastifyReply,
  state: WebState,
  trainer: SandboxTrainer,
  jobId: string,
  opts: { status?: number; error?: HtmlValue; bid?: string; coverNote?: string } = {},
) {
  let found: Awaited<ReturnType<typeof getPublicJob>>;
  try {
    found = await getPublicJob(state.ctx, jobId);
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) {
      return sendConsolePage(reply, state, {
        status: 404,
        title: "Job not found",
        trainer,
        error: "There is no job with this id.",
        body: html``,
      });
    }
    throw err;
  }
  const proposal = (await listTrainerProposals(state.ctx, trainer.id)).find(
    (p) => p.proposal.jobId === (found.listed ? found.job.id : found.body.id),
  );
  if (!found.listed) {
    return sendConsolePage(reply, state, {
      status: opts.status ?? 404,
      title: "Job closed",
      trainer,
      error: opts.error ?? "This job is not open to applications (closed, not published, or invite-only).",
      body: html``,
    });
  }
  const job = found.job;
  const facts: [string, string][] = [
    ["Company", job.companyName],
    ["Pay", payLabel(job.pay)],
    ["Category", job.category],
    ["Experience", job.experienceLevel],
    ["Languages", job.languages.join(", ") || "Any"],
    ["Countries", job.countries.join(", ") || "Anywhere"],
    ["Labels", job.labelTypes.join(", ") || "—"],
    ["Labeling tool", job.labelingSoftware ?? "—"],
    ["Posted", formatTime(job.datePosted)],
  ];
  let action: HtmlValue;
  if (proposal && !(proposal.proposal.source === "INVITED" && proposal.proposal.invitationStatus === "PENDING")) {
    action = html`<p id="already-applied">
      You already have a proposal on this job: <strong>${statusOf(proposal.proposal.status).label}</strong>.
      <a href="${trainerPath(trainer.id)}">See your proposals</a>.
    </p>`;
  } else {
    action = html`<form method="post" action="${jobPath(trainer.id, job.id)}/apply" id="apply-form">
      ${csrfField(state)}
      ${proposal ? html`<p class="small">You were invited to this job: applying accepts the invitation.</p>` : null}
      <label for="bid">Your bid (${bidUnitText(job.pay.paymentType)})</label>
      <input
        id="bid"
        type="text"
        name="bid"
        inputmode="decimal"
        value="${opts.bid ?? ""}"
        placeholder="Leave empty for the suggested bid"
      />
      <label for="cover-note">Cover note</label>
      <textarea
        id="cover-note"
        name="coverNote"
        rows="7"
        maxlength="${COVER_NOTE_MAX}"
        placeholder="Leave empty to send the simulated trainer's own cover note"
      >
${opts.coverNote ?? ""}</textarea>
      <p class="muted small">
        The AI interview, the match score and the verification are produced as for the simulated trainers.
      </p>
      <div class="actions"><button type="submit" id="apply">Apply as ${trainer.displayName}</button></div>
    </form>`;
  }
  return sendConsolePage(reply, state, {
    status: opts.status,
    title: job.title,
    trainer,
    error: opts.error,
    body: html`<article class="card" id="job" data-job-id="${job.id}">
        <p class="small"><a href="${trainerPath(trainer.id, "/jobs")}">← Open jobs</a></p>
        <h2 id="job-title">${job.title}</h2>
        <dl class="facts">
          ${facts.map(
            ([k, v]) =>
              html`<dt>${k}</dt>
                <dd>${v}</dd>`,
          )}
        </dl>
        <div id="job-description">
          ${job.descriptionText
            .split(/\n\s*\n/)
            .filter((p) => p.trim() !== "")
            .map((p) => html`<p>${p}</p>`)}
        </div>
      </article>
      <div class="card">
        <h2>Apply</h2>
        ${action}
      </div>`,
  });
}

/** Finding open jobs and applying to one as the trainer (the sandbox helper's code path). */
export function registerTrainerJobs(app: FastifyInstance): void {
  app.get<{ Params: { trainerId: string } }>("/trainer-console/:trainerId/jobs", async (req, reply) => {
    const state = webState(req);
    const trainer = await consoleTrainer(state, req.params.trainerId);
    return renderJobList(reply, state, trainer, req.query);
  });

  app.get<{ Params: { trainerId: string; jobId: string } }>(
    "/trainer-console/:trainerId/jobs/:jobId",
    async (req, reply) => {
      const state = webState(req);
      const trainer = await consoleTrainer(state, req.params.trainerId);
      return renderJob(reply, state, trainer, req.params.jobId);
    },
  );

  app.post<{ Params: { trainerId: string; jobId: string } }>(
    "/trainer-console/:trainerId/jobs/:jobId/apply",
    async (req, reply) => {
      const state = webState(req);
      const trainer = await consoleTrainer(state, req.params.trainerId);
      const bid = field(req.body, "bid");
      const coverNote = field(req.body, "coverNote");
      try {
        const amountUsd = parseBid(bid);
        await applyAsTrainer(state.ctx, {
          trainerId: trainer.id,
          jobId: req.params.jobId,
          bid: amountUsd === undefined ? undefined : { amountUsd },
          coverNote,
        });
      } catch (err) {
        const e = formError(err);
        return renderJob(reply, state, trainer, req.params.jobId, {
          status: e.status,
          error: e.message,
          bid,
          coverNote,
        });
      }
      return reply.redirect(`${trainerPath(trainer.id)}?notice=applied`, 303);
    },
  );
}
