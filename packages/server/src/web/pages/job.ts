import type { PublicJob } from "@opentrain-ai/contract";
import type { FastifyInstance } from "fastify";
import { ApiError } from "../../errors.js";
import { getPublicJob } from "../../services/jobs/get-public-job.js";
import { formatTime, html } from "../html.js";
import { messagePage, sendPage } from "../layout.js";
import { webState } from "../state.js";

const usd = (n: number) => `$${n.toLocaleString("en-US", { maximumFractionDigits: 4 })}`;

/** "$15–20 / hour", "$0.05 / label", "$500 fixed". */
export function payLabel(pay: PublicJob["pay"]): string {
  if (pay.paymentType === "PAY_PER_HOUR") {
    if (pay.hourlyMin !== null && pay.hourlyMax !== null && pay.hourlyMin !== pay.hourlyMax) {
      return `${usd(pay.hourlyMin)}–${usd(pay.hourlyMax).slice(1)} / hour`;
    }
    return pay.hourlyRate !== null ? `${usd(pay.hourlyRate)} / hour` : "Hourly";
  }
  if (pay.paymentType === "PAY_PER_LABEL")
    return pay.perLabelRate !== null ? `${usd(pay.perLabelRate)} / label` : "Per label";
  return pay.fixedPrice !== null ? `${usd(pay.fixedPrice)} fixed` : "Fixed price";
}

/** GET /jobs/<slug>-<id>: the public listing `jobUrl` points at (tokenless, like GET /api/public/v1/jobs/{id}). */
export function registerJobPage(app: FastifyInstance): void {
  app.get<{ Params: { slugId: string } }>("/jobs/:slugId", async (req, reply) => {
    const state = webState(req);
    let found: Awaited<ReturnType<typeof getPublicJob>>;
    try {
      found = await getPublicJob(state.ctx, req.params.slugId);
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) {
        return messagePage(reply, state, 404, "Job not found", "There is no job at this address.");
      }
      throw err;
    }
    if (!found.listed) {
      return messagePage(reply, state, 404, "This job is closed", "The employer is no longer taking applications.");
    }
    const job = found.job;
    const facts: [string, string][] = [
      ["Pay", payLabel(job.pay)],
      ["Category", job.category],
      ["Data", job.dataType],
      ["Experience", job.experienceLevel],
      ["Languages", job.languages.join(", ") || "Any"],
      ["Countries", job.countries.join(", ") || "Anywhere"],
      ["Labeling tool", job.labelingSoftware ?? "—"],
      ["Posted", formatTime(job.datePosted)],
    ];
    const paragraphs = job.descriptionText.split(/\n\s*\n/).filter((p) => p.trim() !== "");
    return sendPage(reply, 200, {
      title: job.title,
      state,
      body: html`<article class="card" id="job">
        <h1 id="job-title">${job.title}</h1>
        <p class="muted">${job.companyName}</p>
        <dl class="facts">
          ${facts.map(
            ([k, v]) =>
              html`<dt>${k}</dt>
                <dd>${v}</dd>`,
          )}
        </dl>
        ${job.labelTypes.length ? html`<p>${job.labelTypes.map((l) => html`<span class="badge">${l}</span> `)}</p>` : null}
        <div id="job-description">${paragraphs.map((p) => html`<p>${p}</p>`)}</div>
        ${job.skills.length ? html`<p class="muted small">Skills: ${job.skills.join(", ")}</p>` : null}
      </article>`,
    });
  });
}
