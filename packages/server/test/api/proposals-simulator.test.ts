import {
  claimedAgent,
  http,
  registerAgent,
  sandbox,
  startTestServer,
  type ClaimedAgent,
  type TestServer,
} from "@opentrain-ai/testkit";
import { eq, inArray, isNull, sql } from "drizzle-orm";
import type { FastifyBaseLogger } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { interviews, jobs, proposals, simulationTasks } from "../../src/db/schema.js";
import { SIMULATOR_HANDLERS } from "../../src/sandbox/simulator/simulator.js";
import { generateSeedTrainers, SANDBOX_TRAINER_COUNT } from "../../src/sandbox/trainers/generate.js";
import type { ServiceContext } from "../../src/services/context.js";
import { findContactDetails } from "../../src/services/privacy/sanitize-text.js";
import { runDueTasks } from "../../src/services/simulation/run-due-tasks.js";
import { apiOf } from "./jobs-helpers.js";
import { findContactDetailsIn, findPrivateDataLeaks } from "./leak-scan.js";
import { auditProposalCounts, allProposals, broadJob, eventsOf, publishJob } from "./proposals-helpers.js";

/** Fast servers for the determinism checks: no seeded marketplace jobs, no real-time tick. */
const QUIET = { OPENTRAIN_SANDBOX_SEED_JOBS: "0", OPENTRAIN_SANDBOX_TICK_SECONDS: "0" };

let t: TestServer;
let owner: ClaimedAgent;
let api: ReturnType<typeof apiOf>;
let jobId: string;
let publishedAt: Date;

const ctxOf = (s: TestServer): ServiceContext => ({
  db: s.server.database.db,
  clock: s.server.clock,
  config: s.server.config,
  log: s.server.app.log as FastifyBaseLogger,
});

async function publishedAtOf(s: TestServer, id: string): Promise<Date> {
  const [row] = await s.server.database.db.select({ at: jobs.publishedAt }).from(jobs).where(eq(jobs.id, id));
  return row!.at!;
}

/** What the simulator produced for a job, with times relative to publishing (comparable across servers). */
async function snapshot(s: TestServer, token: string, id: string) {
  const published = (await publishedAtOf(s, id)).getTime();
  const { proposals: list } = await allProposals(s, token, id);
  const out = [];
  for (const p of list) {
    const detail = (await http(s.baseUrl, "GET", `/api/public/v1/proposals/${p.id}`, { token })).body.proposal;
    const interview = (await http(s.baseUrl, "GET", `/api/public/v1/proposals/${p.id}/interview`, { token })).body
      .interview;
    out.push({
      trainer: p.candidate.id,
      afterPublishMs: Date.parse(p.createdAt) - published,
      bid: p.bid,
      metrics: p.metrics,
      coverNote: detail.coverNote,
      openLabel: detail.openLabel && {
        ...detail.openLabel,
        completedAt: Date.parse(detail.openLabel.completedAt) - published,
      },
      summary: interview.summary,
      messages: interview.messages.map((m: any) => [m.role, m.content, Date.parse(m.sentAt) - published]),
    });
  }
  return out;
}

beforeAll(async () => {
  t = await startTestServer();
  api = apiOf(t);
  owner = await claimedAgent(t);
  jobId = await publishJob(t, owner.token, broadJob());
  publishedAt = await publishedAtOf(t, jobId);
}, 120_000);
afterAll(() => t?.close());

describe("simulated marketplace activity", () => {
  it("has no proposals right after publishing: trainers apply as virtual time passes", async () => {
    const res = await api("GET", `/jobs/${jobId}/proposals`, owner.token);
    expect(res.body.proposals).toEqual([]);
  });

  it("brings proposals with interviews within a day of publishing", async () => {
    const moved = await sandbox(t, "POST", "/clock/advance", { duration: "24h" });
    expect(moved.status).toBe(200);
    const now = Date.parse(moved.body.now);
    const { proposals: list } = await allProposals(t, owner.token, jobId);
    expect(list.length).toBeGreaterThanOrEqual(5);
    expect(list.length).toBeLessThanOrEqual(20);
    expect(new Set(list.map((p) => p.candidate.id)).size).toBe(list.length);
    for (const p of list) {
      const created = Date.parse(p.createdAt);
      expect(created).toBeGreaterThan(publishedAt.getTime());
      expect(created).toBeLessThanOrEqual(now);
      expect(p.status.raw).toBe("UNREVIEWED");
      expect(p.source).toBe("APPLIED");
      // Bids near the job's $15/hour.
      expect(p.bid.unit).toBe("PER_HOUR");
      expect(p.bid.amountUsd).toBeGreaterThanOrEqual(10);
      expect(p.bid.amountUsd).toBeLessThanOrEqual(25);
      expect(p.metrics.matchScore).toBeGreaterThanOrEqual(0.4);
      expect(p.metrics.matchScore).toBeLessThanOrEqual(1);
      expect(p.metrics.interviewScore).toBeGreaterThanOrEqual(15);
      expect(p.metrics.interviewScore).toBeLessThanOrEqual(97);
      const detail = (await api("GET", `/proposals/${p.id}`, owner.token)).body.proposal;
      expect(detail.coverNote).toContain("Product Photo Bounding Boxes");
      expect(detail.aiInterview).toMatchObject({ transcriptAvailable: true, score: p.metrics.interviewScore });
      const interview = await api("GET", `/proposals/${p.id}/interview`, owner.token);
      expect(interview.status).toBe(200);
      // The assessment and the interview came after publishing and before the proposal.
      for (const m of interview.body.interview.messages) {
        expect(Date.parse(m.sentAt)).toBeGreaterThan(publishedAt.getTime());
        expect(Date.parse(m.sentAt)).toBeLessThan(created);
      }
      if (detail.openLabel) expect(Date.parse(detail.openLabel.completedAt)).toBeGreaterThan(publishedAt.getTime());
      const questions = interview.body.interview.messages.filter((m: any) => m.role === "interviewer");
      if (questions.length > 1) {
        expect(questions.length - 1).toBeGreaterThanOrEqual(5);
        expect(questions.length - 1).toBeLessThanOrEqual(8);
        expect(JSON.stringify(questions)).toMatch(/bounding box|CVAT|English/i);
      }
    }
    // The first applicant arrives within an hour and a half.
    const first = Math.min(...list.map((p) => Date.parse(p.createdAt)));
    expect(first - publishedAt.getTime()).toBeLessThanOrEqual(90 * 60_000 + 1000);
    // Every proposal's proposal.received is in the owner's event log.
    const received = (await eventsOf(t, owner.accountId)).filter((e) => e.type === "proposal.received");
    expect(received.map((e) => e.resourceId).sort()).toEqual(list.map((p) => p.id).sort());
    for (const e of received) {
      expect(e.data).toEqual({ proposalId: e.resourceId, jobId });
      expect(e.jobId).toBe(jobId);
    }
    const mine = (await api("GET", "/jobs/mine", owner.token)).body.jobs.find((j: any) => j.id === jobId);
    expect(mine.proposalCounts).toEqual({ total: list.length, unreviewed: list.length });
  });

  it("keeps them coming on the second and third day, and stops after three days", async () => {
    const dayOne = (await allProposals(t, owner.token, jobId)).proposals.length;
    await sandbox(t, "POST", "/clock/advance", { duration: "48h" });
    const dayThree = (await allProposals(t, owner.token, jobId)).proposals.length;
    expect(dayThree).toBeGreaterThan(dayOne);
    await sandbox(t, "POST", "/clock/advance", { duration: "7d" });
    expect((await allProposals(t, owner.token, jobId)).proposals.length).toBe(dayThree);
    const pending = await t.server.database.db
      .select({ id: simulationTasks.id })
      .from(simulationTasks)
      .where(isNull(simulationTasks.doneAt));
    expect(pending).toEqual([]);
  });

  it("does the work once when due work runs again or in two runners at once", async () => {
    const db = t.server.database.db;
    const ids = (await db.select({ id: proposals.id }).from(proposals).where(eq(proposals.jobId, jobId))).map(
      (r) => r.id,
    );
    const eventCount = (await eventsOf(t, owner.accountId)).length;
    // As if every task had been picked up again (a crash after the work, a second process).
    await db
      .update(simulationTasks)
      .set({ doneAt: null })
      .where(sql`${simulationTasks.payload}->>'jobId' = ${jobId}`);
    const now = t.server.clock.now();
    const [a, b] = await Promise.all([
      runDueTasks(ctxOf(t), now, SIMULATOR_HANDLERS),
      runDueTasks(ctxOf(t), now, SIMULATOR_HANDLERS),
    ]);
    expect(a + b).toBeGreaterThan(0);
    const after = (await db.select({ id: proposals.id }).from(proposals).where(eq(proposals.jobId, jobId))).map(
      (r) => r.id,
    );
    expect(after.sort()).toEqual(ids.sort());
    expect((await eventsOf(t, owner.accountId)).length).toBe(eventCount);
    const interviewRows = await db
      .select({ id: interviews.id })
      .from(interviews)
      .where(inArray(interviews.proposalId, ids));
    expect(interviewRows).toHaveLength(ids.length);
  });

  it("sends no organic applicants to an invite-only job, nor to a closed one", async () => {
    const inviteOnly = await publishJob(t, owner.token, broadJob({ title: "Quiet job", visibility: "INVITE_ONLY" }));
    const closed = await publishJob(t, owner.token, broadJob({ title: "Closed job" }));
    await api("POST", `/jobs/${closed}/close`, owner.token, {});
    await sandbox(t, "POST", "/clock/advance", { duration: "4d" });
    expect((await allProposals(t, owner.token, inviteOnly)).proposals).toEqual([]);
    expect((await allProposals(t, owner.token, closed)).proposals).toEqual([]);
  });

  it("only reaches trainers who fit: the job's countries and languages", async () => {
    const agent = await claimedAgent(t);
    const spanish = await publishJob(
      t,
      agent.token,
      broadJob({
        title: "Spanish reviews",
        languages: ["Spanish"],
        countries: ["ES", "MX", "AR", "CO"],
        labelTypes: ["Sentiment Analysis"],
        dataType: "Text",
        tools: null,
      }),
    );
    await sandbox(t, "POST", "/clock/advance", { duration: "3d" });
    const { proposals: list } = await allProposals(t, agent.token, spanish);
    expect(list.length).toBeGreaterThan(0);
    const pool = new Map(
      generateSeedTrainers(t.server.config.sandboxSeed, SANDBOX_TRAINER_COUNT, new Date()).map((p) => [
        p.row.id,
        p.row,
      ]),
    );
    for (const p of list) {
      const row = pool.get(p.candidate.id)!;
      expect(["ES", "MX", "AR", "CO"]).toContain(row.countryCode);
      expect(row.languageNames).toContain("Spanish");
    }
  });
});

describe("determinism", () => {
  it("gives the same proposals for the same seed and job, and others for another seed", async () => {
    const servers = await Promise.all([
      startTestServer({ env: QUIET }),
      startTestServer({ env: QUIET }),
      startTestServer({ env: { ...QUIET, OPENTRAIN_SANDBOX_SEED: "another-seed" } }),
    ]);
    try {
      const snaps = [];
      for (const s of servers) {
        const agent = await registerAgent(s);
        const id = await publishJob(s, agent.token, broadJob({ title: "Determinism check" }));
        await sandbox(s, "POST", "/clock/advance", { duration: "3d" });
        snaps.push(await snapshot(s, agent.token, id));
      }
      expect(snaps[0]!.length).toBeGreaterThanOrEqual(5);
      expect(snaps[1]).toEqual(snaps[0]);
      expect(snaps[2]!.map((p) => p.trainer)).not.toEqual(snaps[0]!.map((p) => p.trainer));
    } finally {
      await Promise.all(servers.map((s) => s.close()));
    }
  }, 180_000);
});

describe("privacy", () => {
  it("shows no trainer's email, phone, last name or contact detail in any proposal or interview answer", async () => {
    // More jobs, more applicants: some of them write contact details or their full name.
    const agent = await claimedAgent(t);
    const jobIds = [jobId];
    for (const overrides of [
      { title: "Retail shelf polygons", labelTypes: ["Polygon", "Segmentation"] },
      {
        title: "Chatbot answer ranking",
        labelTypes: ["RLHF", "Response Evaluation"],
        dataType: "Text",
        tools: null,
        rateAmount: 22,
      },
      {
        title: "Support ticket tagging",
        labelTypes: ["Classification", "Named Entity Recognition"],
        dataType: "Text",
        tools: "Label Studio",
      },
    ]) {
      jobIds.push(await publishJob(t, agent.token, broadJob(overrides)));
    }
    await sandbox(t, "POST", "/clock/advance", { duration: "3d" });
    const texts: string[] = [];
    const found: string[] = [];
    let count = 0;
    for (const id of jobIds) {
      const token = id === jobId ? owner.token : agent.token;
      const { proposals: list, pages } = await allProposals(t, token, id, 7);
      texts.push(...pages);
      for (const p of list) {
        count++;
        const detail = await api("GET", `/proposals/${p.id}`, token);
        const interview = await api("GET", `/proposals/${p.id}/interview`, token);
        texts.push(JSON.stringify(detail.body), JSON.stringify(interview.body));
        findContactDetailsIn(detail.body, p.id, {}, found);
        findContactDetailsIn(interview.body, `${p.id}/interview`, {}, found);
      }
    }
    expect(count).toBeGreaterThanOrEqual(40);
    const pool = generateSeedTrainers(t.server.config.sandboxSeed, SANDBOX_TRAINER_COUNT, new Date());
    expect(findPrivateDataLeaks(pool, texts)).toEqual([]);
    expect(found).toEqual([]);
    // The stored texts did hold such details: the answers are clean because they are sanitized.
    const raw = await t.server.database.db
      .select({ cover: proposals.coverNote, transcript: interviews.transcript })
      .from(proposals)
      .innerJoin(interviews, eq(interviews.proposalId, proposals.id))
      .where(inArray(proposals.jobId, jobIds));
    const rawText = raw.map((r) => `${r.cover}\n${r.transcript.map((m) => m.content).join("\n")}`);
    expect(rawText.filter((x) => findContactDetails(x).length > 0).length).toBeGreaterThan(0);
    expect(findPrivateDataLeaks(pool, rawText).length).toBeGreaterThan(0);
  }, 120_000);
});

describe("production mode", () => {
  it("schedules no simulated work on publish", async () => {
    const prod = await startTestServer({ mode: "production" });
    try {
      const agent = await registerAgent(prod);
      const id = await publishJob(prod, agent.token, broadJob());
      const rows = await prod.server.database.db.select().from(simulationTasks);
      expect(rows).toEqual([]);
      const res = await http(prod.baseUrl, "GET", `/api/public/v1/jobs/${id}/proposals`, { token: agent.token });
      expect(res.body).toEqual({ proposals: [], nextCursor: null });
    } finally {
      await prod.close();
    }
  });
});

it("keeps every job's proposal counts equal to a recount after all of the above", async () => {
  await auditProposalCounts(t);
});
