import { operations, PROPOSAL_STATUSES, proposalDetailSchema } from "@opentrain-ai/contract";
import {
  claimedAgent,
  http,
  registerAgent,
  sandbox,
  startTestServer,
  type ClaimedAgent,
  type TestServer,
} from "@opentrain-ai/testkit";
import type { FastifyBaseLogger } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findTrainer } from "../../src/services/trainers/find-trainer.js";
import { changeProposalStatus } from "../../src/services/proposals/change-proposal-status.js";
import { findProposal } from "../../src/services/proposals/find-proposal.js";
import { submitProposal } from "../../src/services/proposals/submit-proposal.js";
import { verificationSnapshot } from "../../src/services/trainers/verification-snapshot.js";
import type { ServiceContext } from "../../src/services/context.js";
import { apiOf } from "./jobs-helpers.js";
import {
  allProposals,
  auditProposalCounts,
  broadJob,
  draftJob,
  eventsOf,
  publishJob,
  sandboxTrainers,
  trainerApplies,
} from "./proposals-helpers.js";

let t: TestServer;
let owner: ClaimedAgent;
let other: ClaimedAgent;
let api: ReturnType<typeof apiOf>;
let active: any[];
/** An invite-only job (the simulator sends no organic applicants) with five helper applications. */
let jobId: string;
const applied: string[] = [];

const ctxOf = (): ServiceContext => ({
  db: t.server.database.db,
  clock: t.server.clock,
  config: t.server.config,
  log: t.server.app.log as FastifyBaseLogger,
});

beforeAll(async () => {
  t = await startTestServer();
  api = apiOf(t);
  owner = await claimedAgent(t);
  other = await claimedAgent(t);
  active = (await sandboxTrainers(t)).filter((x) => x.status === "ACTIVE");
  jobId = await publishJob(t, owner.token, broadJob({ visibility: "INVITE_ONLY" }));
  for (const trainer of active.slice(0, 5)) {
    const res = await trainerApplies(t, trainer.id, jobId);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    applied.push(res.body.proposalId);
  }
}, 120_000);
afterAll(() => t?.close());

describe("POST /api/sandbox/v1/trainers/{trainerId}/proposals (a trainer applies)", () => {
  it("creates an UNREVIEWED proposal with the simulated application and writes proposal.received", async () => {
    const trainer = active[5];
    const before = await eventsOf(t, owner.accountId);
    const res = await trainerApplies(t, trainer.id, jobId);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      ok: true,
      proposalId: expect.stringMatching(/^prp_/),
      jobId,
      trainerId: trainer.id,
      invitationAccepted: false,
    });
    const after = await eventsOf(t, owner.accountId);
    expect(after.slice(before.length)).toEqual([
      expect.objectContaining({
        type: "proposal.received",
        resourceId: res.body.proposalId,
        jobId,
        data: { proposalId: res.body.proposalId, jobId },
      }),
    ]);
    const detail = await api("GET", `/proposals/${res.body.proposalId}`, owner.token);
    expect(detail.status).toBe(200);
    expect(detail.body.proposal).toMatchObject({
      id: res.body.proposalId,
      jobId,
      jobTitle: "Product Photo Bounding Boxes",
      status: { raw: "UNREVIEWED", label: "Unreviewed" },
      source: "APPLIED",
      invitation: null,
      bid: { unit: "PER_HOUR", amountUsd: expect.any(Number) },
      candidate: { id: trainer.id, displayName: trainer.displayName, profileSlug: trainer.profileSlug },
      aiInterview: { transcriptAvailable: true, score: expect.any(Number), summary: expect.any(String) },
      verification: { identity: { verified: trainer.identityVerified } },
      contract: null,
    });
    expect(detail.body.proposal.coverNote).toContain("Product Photo Bounding Boxes");
    expect(detail.body.proposal.createdAt).toBe(new Date(after.at(-1)!.createdAt).toISOString());
    applied.push(res.body.proposalId);
  });

  it("takes a bid override, in the job's unit", async () => {
    const res = await trainerApplies(t, active[6].id, jobId, { amountUsd: 17.25, unit: "per hour" });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    applied.push(res.body.proposalId);
    const detail = await api("GET", `/proposals/${res.body.proposalId}`, owner.token);
    expect(detail.body.proposal.bid).toMatchObject({ amountUsd: 17.25, unit: "PER_HOUR" });
    const wrongUnit = await trainerApplies(t, active[7].id, jobId, { unit: "PER_LABEL" });
    expect(wrongUnit.status).toBe(400);
    expect(wrongUnit.body.details).toMatchObject({ field: "bid.unit", unit: "PER_HOUR" });
  });

  it("refuses a second application (409 already_applied) and an unavailable trainer", async () => {
    const again = await trainerApplies(t, active[0].id, jobId);
    expect(again.status).toBe(409);
    expect(again.body.details).toEqual({
      reason: "already_applied",
      proposalId: applied[0],
      jobId,
      trainerId: active[0].id,
    });
    const unavailable = (await sandboxTrainers(t)).find((x) => x.status === "UNAVAILABLE");
    const res = await trainerApplies(t, unavailable.id, jobId);
    expect(res.status).toBe(409);
    expect(res.body.details).toMatchObject({ reason: "freelancer_unavailable", freelancerId: unavailable.id });
  });

  it("answers 404 for an unknown trainer or job and 409 job_not_published for a draft or closed job", async () => {
    expect((await trainerApplies(t, "ftr_noSuchTrainer0000000", jobId)).status).toBe(404);
    const noJob = await trainerApplies(t, active[0].id, "job_doesNotExist");
    expect(noJob.status).toBe(404);
    expect(noJob.body.details).toMatchObject({ resource: "jobs" });
    const draft = await draftJob(t, owner.token, broadJob());
    const onDraft = await trainerApplies(t, active[0].id, draft);
    expect(onDraft.status).toBe(409);
    expect(onDraft.body.details).toMatchObject({ reason: "job_not_published", jobId: draft, status: "DRAFT" });
    const closed = await publishJob(t, owner.token, broadJob({ title: "Closed soon", visibility: "INVITE_ONLY" }));
    await api("POST", `/jobs/${closed}/close`, owner.token, {});
    const onClosed = await trainerApplies(t, active[0].id, closed);
    expect(onClosed.status).toBe(409);
    expect(onClosed.body.details).toMatchObject({ reason: "job_not_published", status: "ARCHIVED" });
  });

  it("needs the sandbox secret, and does not exist in production mode", async () => {
    const res = await http(t.baseUrl, "POST", `/api/sandbox/v1/trainers/${active[0].id}/proposals`, {
      token: owner.token,
      json: { jobId },
    });
    expect(res.status).toBe(401);
    const prod = await startTestServer({ mode: "production" });
    try {
      const r = await sandbox(prod, "POST", `/trainers/${active[0].id}/proposals`, { jobId });
      expect(r.status).toBe(404);
    } finally {
      await prod.close();
    }
  });
});

describe("GET /jobs/{jobId}/proposals", () => {
  it("lists newest first with the masked candidate, bid and scores", async () => {
    const res = await api("GET", `/jobs/${jobId}/proposals`, owner.token);
    expect(res.status).toBe(200);
    expect(operations.jobsListProposals.output.safeParse(res.body).success).toBe(true);
    expect(res.body.proposals.map((p: any) => p.id)).toEqual([...applied].reverse());
    expect(res.body.nextCursor).toBeNull();
    for (const p of res.body.proposals) {
      expect(p.metrics.interviewScore).toBeGreaterThanOrEqual(0);
      expect(p.metrics.interviewScore).toBeLessThanOrEqual(100);
      expect(p.metrics.matchScore).toBeGreaterThanOrEqual(0);
      expect(p.metrics.matchScore).toBeLessThanOrEqual(1);
      expect(p.candidate.displayName).toMatch(/^(\S.* \p{Lu}\.|Freelancer)$/u);
      expect(Object.keys(p.candidate).sort()).toEqual(
        [
          "id",
          "profileSlug",
          "displayName",
          "firstName",
          "lastNameInitial",
          "profileTitle",
          "profilePhotoUrl",
          "countryCode",
          "country",
          "talentType",
          "highestEarningsUsd",
          "reviewCount",
        ].sort(),
      );
      expect(p).not.toHaveProperty("coverNote");
    }
  });

  it("pages with the opaque cursor", async () => {
    const { proposals, pages } = await allProposals(t, owner.token, jobId, 2);
    expect(pages.length).toBe(Math.ceil(applied.length / 2));
    expect(proposals.map((p) => p.id)).toEqual([...applied].reverse());
  });

  it("filters by status case-insensitively, with spaces and hyphens as underscores", async () => {
    const target = applied[1]!;
    const found = await findProposal(ctxOf(), target);
    await changeProposalStatus(ctxOf(), { proposal: found!.proposal, accountId: owner.accountId, status: "NOT_A_FIT" });
    for (const status of ["not a fit", "Not-A-Fit", "NOT_A_FIT", " not_a_fit "]) {
      const res = await api("GET", `/jobs/${jobId}/proposals?status=${encodeURIComponent(status)}`, owner.token);
      expect(res.status, status).toBe(200);
      expect(res.body.proposals.map((p: any) => p.id)).toEqual([target]);
      expect(res.body.proposals[0].status).toEqual({ raw: "NOT_A_FIT", label: "Not a fit" });
    }
    const unreviewed = await api("GET", `/jobs/${jobId}/proposals?status=unreviewed`, owner.token);
    expect(unreviewed.body.proposals).toHaveLength(applied.length - 1);
    const hired = await api("GET", `/jobs/${jobId}/proposals?status=hired`, owner.token);
    expect(hired.body).toEqual({ proposals: [], nextCursor: null });
  });

  it("refuses an unknown status with the supported ones, and bad limits or cursors", async () => {
    const res = await api("GET", `/jobs/${jobId}/proposals?status=INVITED`, owner.token);
    expect(res.status).toBe(400);
    expect(res.body.details.supportedStatuses).toEqual([...PROPOSAL_STATUSES]);
    for (const q of ["limit=0", "limit=101", "limit=x", "cursor=bogus"]) {
      const r = await api("GET", `/jobs/${jobId}/proposals?${q}`, owner.token);
      expect(r.status, q).toBe(400);
      expect(r.body.code).toBe("BAD_REQUEST");
    }
  });

  it("answers 404 for an unknown job and for another account's job", async () => {
    const unknown = await api("GET", "/jobs/job_nope/proposals", owner.token);
    expect(unknown.status).toBe(404);
    const foreign = await api("GET", `/jobs/${jobId}/proposals`, other.token);
    expect(foreign.status).toBe(404);
    expect(foreign.body.details).toMatchObject({ resource: "jobs", jobId });
  });

  it("works before the claim (proposals:read is a pre-claim scope)", async () => {
    const agent = await registerAgent(t);
    const own = await publishJob(t, agent.token, broadJob({ visibility: "INVITE_ONLY" }));
    expect((await trainerApplies(t, active[0].id, own)).status).toBe(201);
    const res = await api("GET", `/jobs/${own}/proposals`, agent.token);
    expect(res.status).toBe(200);
    expect(res.body.proposals).toHaveLength(1);
    const detail = await api("GET", `/proposals/${res.body.proposals[0].id}`, agent.token);
    expect(detail.status).toBe(200);
  });

  it("counts proposals in GET /jobs/mine", async () => {
    const res = await api("GET", "/jobs/mine?status=OPEN", owner.token);
    const mine = res.body.jobs.find((j: any) => j.id === jobId);
    expect(mine.proposalCounts).toEqual({ total: applied.length, unreviewed: applied.length - 1 });
    await auditProposalCounts(t);
  });

  it("keeps the counts exact under concurrent applications and status changes to one job", async () => {
    const busy = await publishJob(t, owner.token, broadJob({ visibility: "INVITE_ONLY" }));
    const first = await Promise.all(active.slice(10, 30).map((x) => trainerApplies(t, x.id, busy)));
    expect(first.map((r) => r.status)).toEqual(first.map(() => 201));
    // More trainers apply while the employer shortlists the first ones.
    const [more] = await Promise.all([
      Promise.all(active.slice(30, 50).map((x) => trainerApplies(t, x.id, busy))),
      ...first.slice(0, 10).map(async (r) => {
        const found = await findProposal(ctxOf(), r.body.proposalId);
        await changeProposalStatus(ctxOf(), {
          proposal: found!.proposal,
          accountId: owner.accountId,
          status: "SHORTLISTED",
        });
      }),
    ]);
    expect(more.map((r) => r.status)).toEqual(more.map(() => 201));
    const mine = (await api("GET", "/jobs/mine?status=OPEN", owner.token)).body.jobs.find((j: any) => j.id === busy);
    expect(mine.proposalCounts).toEqual({ total: 40, unreviewed: 30 });
    await auditProposalCounts(t);
  });
});

describe("GET /proposals/{proposalId}", () => {
  it("answers the contract's detail shape for every proposal", async () => {
    for (const id of applied) {
      const res = await api("GET", `/proposals/${id}`, owner.token);
      expect(res.status).toBe(200);
      const parsed = proposalDetailSchema.safeParse(res.body.proposal);
      expect(parsed.success, parsed.error?.message).toBe(true);
      const p = res.body.proposal;
      if (p.openLabel) {
        expect(p.openLabel.passed).toBe(p.openLabel.score >= 70);
        expect(p.openLabel.labelType).toBe("Bounding Box");
      }
      if (p.verification.location) expect(p.verification.location.status).toMatch(/^(PASSED|PENDING|FAILED)$/);
    }
  });

  it("answers 404 for an unknown proposal and for one on another account's job", async () => {
    const unknown = await api("GET", "/proposals/prp_nope", owner.token);
    expect(unknown.status).toBe(404);
    expect(unknown.body.details).toEqual({ resource: "proposals", proposalId: "prp_nope" });
    const foreign = await api("GET", `/proposals/${applied[0]}`, other.token);
    expect(foreign.status).toBe(404);
    expect((await api("GET", `/proposals/${applied[0]}/interview`, other.token)).status).toBe(404);
  });

  it("writes proposal.status_changed with each status change, and none for a no-op", async () => {
    const before = (await eventsOf(t, owner.accountId)).length;
    const found = await findProposal(ctxOf(), applied[2]!);
    const shortlisted = await changeProposalStatus(ctxOf(), {
      proposal: found!.proposal,
      accountId: owner.accountId,
      status: "SHORTLISTED",
    });
    await changeProposalStatus(ctxOf(), { proposal: shortlisted, accountId: owner.accountId, status: "SHORTLISTED" });
    const added = (await eventsOf(t, owner.accountId)).slice(before);
    expect(added).toEqual([
      expect.objectContaining({
        type: "proposal.status_changed",
        resourceId: applied[2],
        jobId,
        data: { proposalId: applied[2], status: "SHORTLISTED" },
      }),
    ]);
    const res = await api("GET", `/proposals/${applied[2]}`, owner.token);
    expect(res.body.proposal.status).toEqual({ raw: "SHORTLISTED", label: "Shortlisted" });
  });
});

describe("GET /proposals/{proposalId}/interview", () => {
  it("answers the transcript oldest first, questions and answers, without control markers", async () => {
    for (const id of applied) {
      const res = await api("GET", `/proposals/${id}/interview`, owner.token);
      expect(res.status).toBe(200);
      expect(operations.proposalsInterview.output.safeParse(res.body).success).toBe(true);
      const { interview } = res.body;
      expect(interview.proposalId).toBe(id);
      const detail = (await api("GET", `/proposals/${id}`, owner.token)).body.proposal;
      expect(interview.score).toBe(detail.aiInterview.score);
      expect(interview.score).toBe(detail.metrics.interviewScore);
      expect(interview.summary).toBe(detail.aiInterview.summary);
      const sent = interview.messages.map((m: any) => m.sentAt);
      expect([...sent].sort()).toEqual(sent);
      expect(interview.messages.map((m: any) => m.id)).toEqual(
        interview.messages.map((_: any, i: number) => `m${i + 1}`),
      );
      const text = JSON.stringify(interview.messages);
      expect(text).not.toMatch(/\[\[|\]\]|<\||\|>|\[internal\]|rubric/);
      if (interview.messages.length === 1) {
        expect(interview.messages[0].content).toBe("Interview completed.");
        continue;
      }
      const questions = interview.messages.filter((m: any) => m.role === "interviewer");
      // 5–8 questions and a closing line.
      expect(questions.length).toBeGreaterThanOrEqual(6);
      expect(questions.length).toBeLessThanOrEqual(9);
      expect(interview.messages.filter((m: any) => m.role === "candidate")).toHaveLength(questions.length - 1);
      expect(interview.messages[0].role).toBe("interviewer");
      expect(sent.at(-1) < detail.createdAt).toBe(true);
    }
  });

  it("sanitizes what the trainer said, and reads an empty transcript as Interview completed.", async () => {
    const job = await publishJob(t, owner.token, broadJob({ title: "Sanitizer check", visibility: "INVITE_ONLY" }));
    const ctx = ctxOf();
    const [one, two] = await Promise.all([findTrainer(ctx, active[8].id), findTrainer(ctx, active[9].id)]);
    const at = t.server.clock.now();
    const sentAt = (s: number) => new Date(at.getTime() - 600_000 + s * 1000).toISOString();
    const base = {
      bid: { amountMicros: 15_000_000, unit: "PER_HOUR" as const, labelerHourlyRateMicros: null },
      matchScore: 0.8,
      assessment: null,
    };
    const leaky = await submitProposal(ctx, {
      jobId: job,
      trainer: one!,
      at,
      content: {
        ...base,
        coverNote: `I'm ${one!.firstName} ${one!.lastName}. Mail ${one!.email} or call ${one!.phone}.`,
        verification: verificationSnapshot(one!),
        interview: {
          transcript: [
            // Out of order on purpose: the answer lists oldest first.
            { role: "candidate", content: `Sure! Reach me at ${one!.email} <|end_of_turn|>`, sentAt: sentAt(30) },
            { role: "interviewer", content: "[[q:1:experience]] Tell me about yourself.", sentAt: sentAt(0) },
            { role: "candidate", content: "[[voice]] <|end_of_turn|>", sentAt: sentAt(40) },
            {
              role: "interviewer",
              content: `Thanks. [[score:80]]\n[internal] rubric=v3 ${one!.lastName}`,
              sentAt: sentAt(50),
            },
          ],
          score: 80,
          summary: `Strong; mentions ${one!.lastName} and wa.me/15550104477.`,
          startedAt: at,
          completedAt: at,
        },
      },
    });
    const empty = await submitProposal(ctx, {
      jobId: job,
      trainer: two!,
      at,
      content: {
        ...base,
        coverNote: null,
        verification: verificationSnapshot(two!),
        interview: {
          transcript: [{ role: "interviewer", content: "[[voice_interview:audio_only]]", sentAt: sentAt(0) }],
          score: null,
          summary: null,
          startedAt: at,
          completedAt: at,
        },
      },
    });
    expect(leaky.created && empty.created).toBe(true);
    const leakyId = leaky.created ? leaky.proposal.id : "";
    const transcript = (await api("GET", `/proposals/${leakyId}/interview`, owner.token)).body.interview;
    expect(transcript.messages).toEqual([
      { id: "m1", role: "interviewer", content: "Tell me about yourself.", sentAt: sentAt(0) },
      { id: "m2", role: "candidate", content: "Sure! Reach me at [email redacted]", sentAt: sentAt(30) },
      { id: "m3", role: "interviewer", content: "Thanks.", sentAt: sentAt(50) },
    ]);
    expect(transcript.summary).toBe("Strong; mentions [name redacted] and [link redacted].");
    const detail = (await api("GET", `/proposals/${leakyId}`, owner.token)).body.proposal;
    expect(detail.coverNote).not.toContain(one!.email!);
    expect(detail.coverNote).not.toContain(one!.lastName);
    expect(detail.coverNote).toContain("[email redacted]");
    expect(detail.coverNote).toContain("[phone redacted]");
    const emptyId = empty.created ? empty.proposal.id : "";
    const none = (await api("GET", `/proposals/${emptyId}/interview`, owner.token)).body.interview;
    expect(none.messages).toEqual([
      { id: "m1", role: "interviewer", content: "Interview completed.", sentAt: at.toISOString() },
    ]);
    expect(none.score).toBeNull();
  });

  it("answers 404 with the proposal id when no interview is recorded", async () => {
    const job = await publishJob(t, owner.token, broadJob({ title: "Invite only", visibility: "INVITE_ONLY" }));
    const invite = await api("POST", `/jobs/${job}/invites`, owner.token, { freelancerId: active[10].id });
    expect(invite.status).toBe(201);
    const res = await api("GET", `/proposals/${invite.body.proposalId}/interview`, owner.token);
    expect(res.status).toBe(404);
    expect(res.body.details).toEqual({ resource: "interviews", proposalId: invite.body.proposalId });
    const detail = await api("GET", `/proposals/${invite.body.proposalId}`, owner.token);
    expect(detail.body.proposal.aiInterview).toBeNull();
  });
});
