import { http, sandbox, type TestServer } from "@opentrain-ai/testkit";
import { asc, eq, sql } from "drizzle-orm";
import { expect } from "vitest";
import { rowsOf } from "../../src/db/migrate.js";
import { events, type EventRow } from "../../src/db/schema.js";
import { apiOf, canonicalJob } from "./jobs-helpers.js";

/**
 * A job most of the sandbox pool can apply to: English image annotation, worldwide, $15/hour,
 * entry level. Any key can be overridden (e.g. `visibility: "INVITE_ONLY"` keeps the simulator's
 * organic applicants away).
 */
export function broadJob(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return canonicalJob({
    title: "Product Photo Bounding Boxes",
    description:
      "Draw tight bounding boxes around every product on retail shelf photos and tag each box with its category.",
    languages: ["English"],
    countries: [],
    labelTypes: ["Bounding Box"],
    tools: ["CVAT"],
    dataType: "Image",
    experienceLevel: "ENTRY_LEVEL",
    rateAmount: 15,
    headcount: 5,
    ...overrides,
  });
}

/** Creates a draft from a canonical job and returns its id (not published). */
export async function draftJob(t: TestServer, token: string, job: Record<string, unknown>): Promise<string> {
  const res = await apiOf(t)("POST", "/job-drafts", token, { format: "opentrain_canonical", job });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.jobId as string;
}

/** Creates and publishes a job; returns its id. */
export async function publishJob(t: TestServer, token: string, job: Record<string, unknown>): Promise<string> {
  const jobId = await draftJob(t, token, job);
  const res = await apiOf(t)("POST", `/jobs/${jobId}/publish`, token, {});
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return jobId;
}

/** Every sandbox trainer as GET /api/sandbox/v1/trainers lists them (id order). */
export async function sandboxTrainers(t: TestServer): Promise<any[]> {
  const out: any[] = [];
  let cursor: string | null = null;
  do {
    const res = await sandbox(t, "GET", `/trainers?limit=100${cursor ? `&cursor=${cursor}` : ""}`);
    expect(res.status).toBe(200);
    out.push(...res.body.trainers);
    cursor = res.body.nextCursor;
  } while (cursor);
  return out;
}

/** Every proposal of a job (all pages, newest first) and the raw text of each page. */
export async function allProposals(t: TestServer, token: string, jobId: string, limit = 100) {
  const proposals: any[] = [];
  const pages: string[] = [];
  let cursor: string | null = null;
  do {
    const q: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : "";
    const res = await http(t.baseUrl, "GET", `/api/public/v1/jobs/${jobId}/proposals?limit=${limit}${q}`, { token });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    pages.push(JSON.stringify(res.body));
    proposals.push(...res.body.proposals);
    cursor = res.body.nextCursor;
  } while (cursor);
  return { proposals, pages };
}

/** A trainer applies through the sandbox helper. */
export function trainerApplies(t: TestServer, trainerId: string, jobId: string, bid?: Record<string, unknown>) {
  return sandbox(t, "POST", `/trainers/${trainerId}/proposals`, { jobId, ...(bid ? { bid } : {}) });
}

/** Event log rows of an account, oldest first (read from the database: the feed comes later). */
export function eventsOf(t: TestServer, accountId: string): Promise<EventRow[]> {
  return t.server.database.db.select().from(events).where(eq(events.accountId, accountId)).orderBy(asc(events.id));
}

/**
 * The trigger-kept proposal counts (job_proposal_counts, migration 0009) equal a recount of the
 * proposals, for every job of the database.
 */
export async function auditProposalCounts(t: TestServer, step = ""): Promise<void> {
  const drift = rowsOf<{ id: string }>(
    await t.server.database.db.execute(sql`
      SELECT j.id FROM jobs j
      LEFT JOIN job_proposal_counts c ON c.job_id = j.id
      LEFT JOIN (SELECT job_id, count(*)::int AS total, (count(*) FILTER (WHERE status = 'UNREVIEWED'))::int AS unreviewed
                 FROM proposals GROUP BY job_id) p ON p.job_id = j.id
      WHERE COALESCE(c.total, 0) <> COALESCE(p.total, 0) OR COALESCE(c.unreviewed, 0) <> COALESCE(p.unreviewed, 0)`),
  );
  expect(drift, `${step}: jobs whose kept proposal counts differ from a recount`).toEqual([]);
}
