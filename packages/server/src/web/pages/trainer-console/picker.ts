import type { FastifyInstance } from "fastify";
import { searchSandboxTrainers } from "../../../services/trainers/search-sandbox-trainers.js";
import { html } from "../../html.js";
import { sendPage } from "../../layout.js";
import { field, webState } from "../../state.js";
import { CONSOLE_PATH, trainerPath } from "./parts.js";

/** GET /trainer-console: pick the sandbox trainer to act as (search and paging). */
export function registerTrainerPicker(app: FastifyInstance): void {
  app.get(CONSOLE_PATH, async (req, reply) => {
    const state = webState(req);
    const q = field(req.query, "q").trim().slice(0, 200);
    const after = field(req.query, "after").trim().slice(0, 64);
    const page = await searchSandboxTrainers(state.ctx, { q, after: after || undefined });
    const next = page.nextAfter
      ? `${CONSOLE_PATH}?${new URLSearchParams({ ...(q ? { q } : {}), after: page.nextAfter }).toString()}`
      : null;
    const rows =
      page.trainers.length === 0
        ? html`<p class="muted">No trainer matches${q ? html` “${q}”` : null}.</p>`
        : html`<table id="trainers">
            <thead>
              <tr>
                <th>Trainer</th>
                <th>Country</th>
                <th>Languages</th>
                <th>Work</th>
                <th></th>
              </tr>
            </thead>
            <tbody>
              ${page.trainers.map(
                (t) =>
                  html`<tr data-trainer-id="${t.id}">
                    <td>
                      <strong>${t.displayName}</strong>${
                        t.status === "ACTIVE" ? null : html` <span class="badge muted">${t.status}</span>`
                      }
                      <div class="muted small">${t.title ?? ""}</div>
                      <div class="muted small"><code>${t.id}</code></div>
                    </td>
                    <td>${t.country ?? t.countryCode ?? "—"}</td>
                    <td class="small">${t.languages.map((l) => l.language).join(", ")}</td>
                    <td class="small">${t.labelTypes.slice(0, 4).join(", ")}</td>
                    <td class="nowrap"><a class="button act-as" href="${trainerPath(t.id)}">Act as</a></td>
                  </tr>`,
              )}
            </tbody>
          </table>`;
    return sendPage(reply, 200, {
      title: "Trainer console",
      state,
      body: html`<div class="card">
          <h1>Sandbox trainer console</h1>
          <p class="muted">
            Act as any sandbox AI trainer: answer invitations, find open jobs and apply, and answer employers' messages.
            What you do here goes through the same services as the simulated trainers, so the employer sees it through
            the API exactly as it would see the simulator's activity. Names are masked as everywhere else; the trainer
            id is the key.
          </p>
          <form method="get" action="${CONSOLE_PATH}" class="actions" id="trainer-search">
            <input
              type="text"
              name="q"
              value="${q}"
              placeholder="Name, country, language, label type, tool or id"
              aria-label="Search trainers"
            />
            <button class="secondary" type="submit">Search</button>
            ${q ? html`<a href="${CONSOLE_PATH}">Show all</a>` : null}
          </form>
        </div>
        <div class="card">
          <p class="muted small">${page.total} trainer${page.total === 1 ? "" : "s"}${q ? " match" : ""}.</p>
          ${rows}
          ${
            next || after
              ? html`<div class="actions">
                  ${after ? html`<a href="${CONSOLE_PATH}${q ? `?q=${encodeURIComponent(q)}` : ""}">First page</a>` : null}
                  ${next ? html`<a id="next-page" href="${next}">Next page →</a>` : null}
                </div>`
              : null
          }
        </div>`,
    });
  });
}
